// Issue 11, item 13: a production server started in real-account mode (LEASTWISE_ACCOUNT_MODE=aws)
// does not serve /local-aws/* at all. The spec starts that second server itself, from the build the
// browser tests run, with its own port and data directory.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DIST_DIR } from "./support/dist-dir";

let child: ChildProcess | undefined;
let origin = "";
let dataDir = "";
let log = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "leastwise-e2e-aws-mode-"));
  child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: process.cwd(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LEASTWISE_DATA_DIR: dataDir,
      LEASTWISE_ACCOUNT_MODE: "aws",
      LEASTWISE_DIST_DIR: E2E_DIST_DIR, // the build playwright.config.ts made for the browser tests
      LEASTWISE_INPROCESS_WORKER: "0",
      LEASTWISE_ADMIN_USER: "e2e-aws-admin",
      LEASTWISE_ADMIN_PASSWORD: "e2e-aws-admin-password-0001",
      NEXTAUTH_URL: origin,
      NEXTAUTH_SECRET: "e2e-only-secret-not-for-production-aws-mode",
      AWS_ACCESS_KEY_ID: "AKIAE2ETESTONLY00001",
      AWS_SECRET_ACCESS_KEY: "e2e-test-only-secret-access-key-000000001",
      AWS_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    },
  });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the aws-mode server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${origin}/signin`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the aws-mode server did not start:\n${log}`);
});

test.afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child!.once("exit", r));
    process.kill(-child.pid, "SIGTERM"); // start.mjs and the next-server it started
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

for (const [service, body] of [
  ["iam", "Action=ListRoles&Version=2010-05-08"],
  ["sts", "Action=GetCallerIdentity&Version=2011-06-15"],
  ["cloudtrail", "{}"],
] as const) {
  test(`/local-aws/${service} is not served in real-account mode`, async () => {
    for (const url of [`${origin}/local-aws/${service}/`, `${origin}/local-aws/${service}`]) {
      const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toMatch(/ErrorResponse|__type|Signature|Token/);
    }
  });
}

test("the Access Analyzer API is still served in real-account mode", async () => {
  const res = await fetch(`${origin}/policy/generation`);
  expect(res.status).toBe(403);
  expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
});
