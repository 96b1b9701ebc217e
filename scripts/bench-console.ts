// `npm run bench:console`: how fast the console is in Chromium on the demo account. Against a
// running production server (`npm start`, a seeded demo account), it signs in and times, for each
// page, navigation start to "interactive" (the page's main content visible and the page's scripts
// loaded and run: the `load` event plus the content's locator), then the wizard's step 1 -> 2
// (Next clicked to the editor shown). Each is measured `--rounds` times after one warm-up; the
// median is printed and compared with the 1 s budget. Exit code 1 when a budget is missed.
//   npm run bench:console -- --url http://127.0.0.1:3000 --user admin --password ... [--rounds 5] [--entity app-backend]
import { chromium, type Page } from "@playwright/test";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

const BUDGET_MS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main(): Promise<number> {
  const url = arg("url", process.env.LEASTWISE_BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const user = arg("user", process.env.LEASTWISE_ADMIN_USER ?? "admin");
  const password = arg("password", process.env.LEASTWISE_ADMIN_PASSWORD ?? "");
  const rounds = Number(arg("rounds", "5"));
  const entity = arg("entity", "app-backend");
  if (!password) {
    console.error("bench:console: give --password (or LEASTWISE_ADMIN_PASSWORD) of a console administrator.");
    return 2;
  }
  const browser = await chromium.launch({
    executablePath: process.env.LEASTWISE_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/signin`);
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/roles/);

  // The wizard needs a generated policy: start one when the entity has none yet.
  await page.goto(`${url}/roles/${entity}/generated-policy`);
  if (await page.getByText("No generated policy to review").isVisible()) {
    console.error(`bench:console: generating a policy for ${entity} first...`);
    await page.goto(`${url}/roles/${entity}/generate`);
    await page.getByTestId("start-generation").click();
    await page.waitForURL((u) => u.pathname === `/roles/${entity}`, { timeout: 60_000 });
    await page.getByTestId("view-generated-policy").waitFor({ timeout: 180_000 });
  }

  const pages: [string, string, (p: Page) => ReturnType<Page["locator"]>][] = [
    ["Roles", "/roles", (p) => p.getByRole("link", { name: entity }).first()],
    ["Users", "/users", (p) => p.getByTestId("user-list").locator("tbody tr").first()],
    ["Role page", `/roles/${entity}`, (p) => p.getByTestId("unused-permissions")],
    ["Generate form", `/roles/${entity}/generate`, (p) => p.getByTestId("start-generation")],
    ["Review permissions (step 1)", `/roles/${entity}/generated-policy`, (p) => p.getByTestId("actions-table").locator("tbody tr").first()],
    ["Policies", "/policies", (p) => p.getByTestId("policies").locator("tbody tr").first()],
    ["Policy page", "/policies/app-backend-access", (p) => p.getByTestId("policy-document")],
    ["Policy generations", "/generations", (p) => p.getByTestId("generations")],
    ["Trails", "/trails", (p) => p.locator("table").first()],
  ];
  const rows: { what: string; ms: number }[] = [];
  for (const [what, path, ready] of pages) {
    const times: number[] = [];
    for (let i = 0; i <= rounds; i++) {
      const ms = await timed(async () => {
        await page.goto(`${url}${path}`, { waitUntil: "load" });
        await ready(page).waitFor({ state: "visible", timeout: 30_000 });
      });
      if (i > 0) times.push(ms);
    }
    rows.push({ what, ms: median(times) });
  }
  // Step 1 -> 2: Next to the editor, on a page that is already interactive.
  const steps: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    await page.goto(`${url}/roles/${entity}/generated-policy`, { waitUntil: "load" });
    await page.getByTestId("actions-table").locator("tbody tr").first().waitFor();
    await page.waitForLoadState("networkidle");
    const ms = await timed(async () => {
      await page.getByRole("button", { name: "Next", exact: true }).click();
      await page.getByTestId("policy-editor").locator(".monaco-editor").waitFor({ state: "visible", timeout: 30_000 });
    });
    if (i > 0) steps.push(ms);
  }
  rows.push({ what: "Wizard step 1 -> 2 (editor shown)", ms: median(steps) });
  await browser.close();

  console.log(`| page (median of ${rounds}, ${url}) | ms | within ${BUDGET_MS} ms |`);
  console.log("|---|---|---|");
  for (const r of rows) console.log(`| ${r.what} | ${Math.round(r.ms)} | ${r.ms < BUDGET_MS ? "yes" : "NO"} |`);
  return rows.every((r) => r.ms < BUDGET_MS) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:console failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
