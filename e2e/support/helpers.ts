import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCREENSHOTS = fileURLToPath(new URL("../screenshots", import.meta.url));

export const ADMIN = { username: "e2e-admin", password: "e2e-admin-password-0001" };

/** Fails the test when the page talks to anything but this machine (the console must work offline). */
export function forbidOffsiteRequests(page: Page): string[] {
  const offsite: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith("http") && !["127.0.0.1", "localhost"].includes(url.hostname)) offsite.push(req.url());
  });
  return offsite;
}

export async function signIn(page: Page, user: { username: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("User name").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/roles/);
}

export async function signOut(page: Page, username: string) {
  await page.locator("#leastwise-top-nav").getByRole("button", { name: username }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL(/\/signin/);
}

/** e2e/screenshots/<spec>--<step>.png */
function screenshotPath(testInfo: TestInfo, step: string): string {
  const spec = path.basename(testInfo.file).replace(/\.spec\.ts$/, "");
  return path.join(SCREENSHOTS, `${spec}--${step}.png`);
}

/** A full-page screenshot in e2e/screenshots/, named by spec and step. */
export async function shot(page: Page, testInfo: TestInfo, step: string) {
  // Sticky headers are drawn where the page is scrolled to: scroll up for a clean full-page image.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(testInfo, step), fullPage: true });
}

/** A screenshot of one part of the page (a full page can be too tall to look at), named like shot(). */
export async function shotOf(locator: Locator, testInfo: TestInfo, step: string) {
  await locator.screenshot({ path: screenshotPath(testInfo, step) });
}

/** Every table fits its container at the test's 1,400 px window: no column hidden behind a horizontal scroll. */
export async function expectTablesFit(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("table")]
      .filter((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1)
      .map(
        (t) =>
          `${(t.closest("[data-testid]") as HTMLElement | null)?.dataset.testid ?? "table"}: ${t.scrollWidth} px in ${t.parentElement?.clientWidth} px`,
      ),
  );
  expect(overflowing).toEqual([]);
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} - ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    ),
    `accessibility violations on ${what}`,
  ).toEqual([]);
}

/** Starts a generation from the entity page with the form's choices, and waits for a terminal status. */
export async function generateFor(
  page: Page,
  entityPath: string,
  options: { trail?: string; expect?: "Success" | "Failed" | "Canceled" | null; onProgress?: () => Promise<void> } = {},
) {
  await page.goto(`${entityPath}/generate`);
  await expect(page.getByRole("heading", { name: "Generate policy", level: 1 })).toBeVisible();
  if (options.trail) {
    await page.getByRole("button", { name: /Trail/ }).first().click();
    await page.getByRole("option", { name: new RegExp(options.trail) }).click();
  }
  await page.getByTestId("start-generation").click();
  // A new generation replaces the entity's current one: the form asks first.
  const confirm = page.getByTestId("confirm-replace");
  await Promise.race([
    confirm.waitFor({ state: "visible", timeout: 30_000 }).then(() => confirm.click()),
    page.waitForURL((url) => url.pathname === entityPath, { timeout: 30_000 }),
  ]);
  await page.waitForURL((url) => url.pathname === entityPath);
  if (options.onProgress) await options.onProgress();
  if (options.expect === null) return;
  const status = options.expect ?? "Success";
  await expect(page.getByTestId("generation-panel").getByText(status, { exact: true })).toBeVisible({ timeout: 150_000 });
}

/** Clicks into Monaco and selects its whole text, with the clipboard usable. */
async function selectAllInEditor(page: Page) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("policy-editor").locator(".view-lines").click();
  await page.keyboard.press("Control+A");
}

/** Replaces the whole Monaco text (as a paste would) and waits for the analysis of the new text. */
export async function setEditorText(page: Page, text: string) {
  // Pasted, as a user would: typing goes through Monaco's auto-closing and auto-indent.
  await selectAllInEditor(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+V");
}

/** Monaco's whole text, copied out (it renders only the visible lines). */
export async function readEditorText(page: Page): Promise<string> {
  await selectAllInEditor(page);
  await page.keyboard.press("Control+C");
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Wizard "Next": retried until the step changes (a click before hydration finishes is lost). */
export async function wizardNext(page: Page, nextHeading: string) {
  await expect(async () => {
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page.getByRole("heading", { name: nextHeading, level: 1 })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
}

/**
 * Ticks the customize step's acknowledgement of write actions on "*" when the policy has any (the
 * wizard goes on to "Review and create" only then). Call once the policy analysis has shown, e.g.
 * after "No placeholders left".
 */
export async function acknowledgeUnscopedWrites(page: Page) {
  const ack = page.getByTestId("acknowledge-unscoped");
  if ((await ack.count()) > 0) await ack.locator("input").check();
}
