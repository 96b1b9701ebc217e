// The console in real-account mode (LEASTWISE_ACCOUNT_MODE=aws), against the local account standing
// in for AWS over HTTP (scripts/aws-account-standin.ts): its own production server on the e2e port
// + 1000, the service role assumed through STS, an organization trail of another account read from
// its bucket's layout, the empty result marked, and the server's own refused credentials shown as
// what they are (not "your session has ended") on every page.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, generateFor, shot, signIn } from "./support/helpers";
import { E2E_DIST_DIR } from "./support/dist-dir";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PORT = Number(process.env.LEASTWISE_E2E_PORT ?? 3100) + 1000;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe.configure({ mode: "serial" });
test.use({ baseURL: BASE });

let standin: ChildProcess;
let server: ChildProcess;
let dataDir: string;
let lines: ReturnType<typeof createInterface>;

async function nextLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    lines.once("line", resolve);
    standin.once("exit", (code) => reject(new Error(`the AWS stand-in exited (${code})`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  standin = spawn(process.execPath, ["--import", "tsx", "scripts/aws-account-standin.ts"], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  lines = createInterface({ input: standin.stdout! });
  const ready = JSON.parse(await nextLine()) as { env: Record<string, string> };
  dataDir = mkdtempSync(path.join(tmpdir(), "leastwise-e2e-aws-"));
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  for (const k of ["AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "DATABASE_URL", "LEASTWISE_LOCAL_AWS_URL"])
    delete env[k];
  Object.assign(env, ready.env, {
    PORT: String(PORT),
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LEASTWISE_DATA_DIR: dataDir,
    LEASTWISE_ADMIN_USER: ADMIN.username,
    LEASTWISE_ADMIN_PASSWORD: ADMIN.password,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
    LEASTWISE_ASSUME_ROLE_RETRY_S: "5",
    LEASTWISE_DIST_DIR: E2E_DIST_DIR, // the build playwright.config.ts made for the browser tests
  });
  server = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    const ok = await fetch(`${BASE}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the aws-mode server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  }
  if (standin && standin.exitCode === null) {
    const exited = new Promise((r) => standin.once("exit", r));
    standin.stdin!.end();
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function bothWidths(page: Page, testInfo: Parameters<typeof shot>[1], step: string) {
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, testInfo, `${step}-${width}`);
  }
}

test("an organization trail of another account, through the assumed service role", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/roles/TargetRole/generate");
  await expect(page.getByRole("heading", { name: "Generate policy", level: 1 })).toBeVisible();
  // The alphabetically first service role does not trust Leastwise: the one it can assume is chosen.
  await expect(page.getByRole("button", { name: /Service role/ }).first()).toContainText("AccessAnalyzerMonitorServiceRole_leastwise");
  await page
    .getByRole("button", { name: /Service role/ })
    .first()
    .click();
  await expect(page.getByRole("option", { name: /AccessAnalyzerMonitorServiceRole_aaa/ })).toContainText("Leastwise cannot assume it");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: /Trail/ }).first().click();
  await page.getByRole("option", { name: /org-trail/ }).click();
  await expect(page.getByTestId("organization-trail-note")).toContainText(
    "AWSLogs/<organization ID>/111122223333/; the organization ID is found in the trail's bucket",
  );
  await bothWidths(page, testInfo, "01-generate-form");

  await generateFor(page, "/roles/TargetRole", { trail: "org-trail" });
  const summary = page.getByTestId("read-summary");
  await summary
    .getByText("What was read")
    .click()
    .catch(() => {});
  await expect(summary).toContainText("Organization trail: AWSLogs/o-abcdefghij/<account>/ in s3://org-log-archive/org/");
  await expect(summary).toContainText("of the principal");
  await expect(page.getByTestId("empty-result")).toHaveCount(0);
  await bothWidths(page, testInfo, "02-entity-organization-trail");
});

test("a principal with no event in the window is marked on the entity page and above the wizard", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await generateFor(page, "/users/nobody", { trail: "account-trail" });
  await expect(page.getByTestId("empty-result")).toContainText("No event of arn:aws:iam::111122223333:user/nobody was found");
  await expect(page.getByTestId("empty-result")).toContainText("none was made by the principal");
  await expect(page.getByText("Available until")).toBeVisible();
  await bothWidths(page, testInfo, "03-entity-empty");
  await page.getByTestId("view-generated-policy").click();
  await expect(page.getByTestId("empty-result")).toBeVisible();
  await bothWidths(page, testInfo, "04-wizard-empty");
});

test("the Trails page lists the account's trails", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/trails");
  await expect(page.getByRole("heading", { name: /Trails/ }).first()).toContainText("(2)");
  await expect(page.getByRole("cell", { name: "org-trail", exact: true })).toBeVisible();
  await bothWidths(page, testInfo, "05-trails");
});

test("refused AWS credentials of the server: every page says so, never 'your session has ended'", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  standin.stdin!.write("revoke\n");
  expect(await nextLine()).toBe("revoked");
  for (const path of ["/roles/TargetRole", "/roles/TargetRole/generate"]) {
    await page.goto(path);
    const problem = page.getByTestId("page-problem");
    await expect(problem).toContainText("the AWS credentials this Leastwise server runs with were refused");
    await expect(problem).toContainText("your console session is fine");
    await expect(page.getByText(/session has ended/)).toHaveCount(0);
    await expect(page.getByText("This page couldn")).toHaveCount(0);
  }
  await bothWidths(page, testInfo, "06-refused-credentials");
  // an unknown address inside the console: its styled 404, not Next's page (components/shell/not-found-page.tsx)
  await page.goto("/roles/NoSuchRoleAnywhere/nothing-here");
  await expect(page.getByTestId("not-found")).toBeVisible();
});
