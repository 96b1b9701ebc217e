import { expect, test, type Page, type TestInfo } from "@playwright/test";
import {
  acknowledgeUnscopedWrites,
  ADMIN,
  expectAccessible,
  forbidOffsiteRequests,
  generateFor,
  shot,
  signIn,
  wizardNext,
} from "./support/helpers";

test.describe.configure({ mode: "serial" });

const POLICY = "app-backend-replace-e2e";

/** Full-page screenshots at 1024 and 1400 px. */
async function shots(page: Page, testInfo: TestInfo, step: string) {
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, testInfo, `${step}-${width}`);
  }
}

const attachedNames = async (page: Page) =>
  (await page.getByTestId("attached-policies").locator("tbody tr td:first-child").allInnerTexts()).map((t) => t.trim()).sort();

test("unused permissions, create, Replace with a summary, the audit trail and Undo on the demo account", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await signIn(page, ADMIN);
  await page.goto("/roles/app-backend");
  // Granted today through app-backend-access (s3:*, dynamodb:*, ...) and the inline sqs:* policy.
  const granted = page.getByTestId("granted-count");
  await expect(granted).toHaveText(/^[\d,]+ actions in 1[0-9] services$/);
  expect(Number((await granted.innerText()).split(" ")[0].replaceAll(",", ""))).toBeGreaterThan(1000);

  await generateFor(page, "/roles/app-backend");
  await page.goto("/roles/app-backend");
  await expect(page.getByTestId("used-count")).toHaveText(/^\d+ actions? in \d+ services?$/);
  const removed = page.getByTestId("removed-by-service");
  // Sensitive first: the first service listed has write or permissions-management actions to lose.
  await expect(removed.locator("tbody tr").first()).toContainText(/Write|Permissions management/);
  await expectAccessible(page, "entity page with unused permissions");
  await shots(page, testInfo, "01-entity-unused");

  await page.goto("/roles/app-backend/generated-policy");
  await wizardNext(page, "Customize permissions");
  const fill = page.getByTestId("fill-placeholder").first();
  if ((await fill.count()) > 0) await fill.click();
  const rest = page.getByTestId("fill-rest");
  if ((await rest.count()) > 0) await rest.click();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  await acknowledgeUnscopedWrites(page);
  await wizardNext(page, "Review and create");
  await expect(page.getByTestId("kept-count")).toHaveText(/^\d+ actions? in \d+ services?$/);
  await expect(page.getByTestId("unused-permissions")).toContainText("Actions the new policy would remove");
  await shots(page, testInfo, "02-review-create-unused");
  await page.setViewportSize({ width: 1400, height: 900 });

  await page.getByTestId("policy-name").locator("input").fill(POLICY);
  await page.getByRole("button", { name: "Create and attach policy" }).click();
  await expect(page.getByTestId("created-result")).toContainText(POLICY);

  // Replace: the broad managed policy and the inline one are preselected; the new one stays.
  const replace = page.getByTestId("replace-policies");
  await expect(replace.getByRole("row").filter({ hasText: POLICY })).toContainText("Stays attached");
  await expect(replace.getByRole("row").filter({ hasText: "app-backend-access" })).toContainText("Detached");
  await expect(replace.getByRole("row").filter({ hasText: "legacy-queue-access" })).toContainText("Deleted");
  // Previous runs of the flow spec may have attached more; keep only ours and the two broad ones chosen.
  for (const row of await replace.locator("tbody tr").all()) {
    const text = await row.innerText();
    const box = row.getByRole("checkbox");
    if (!/app-backend-access|legacy-queue-access/.test(text) && (await box.isChecked())) await box.uncheck();
  }
  await shots(page, testInfo, "03-created-replace");
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.getByTestId("replace-button").click();
  const summary = page.getByTestId("replace-summary");
  await expect(summary).toContainText(POLICY);
  await expect(summary).toContainText("app-backend-access");
  await expect(summary).toContainText("legacy-queue-access");
  await expectAccessible(page, "replace confirmation");
  await page.getByTestId("confirm-replace-policies").click();
  await page.waitForURL((u) => u.pathname === "/roles/app-backend");

  await expect(page.getByTestId("attached-policies")).toContainText(POLICY);
  expect(await attachedNames(page)).not.toContain("app-backend-access");
  const history = page.getByTestId("replacement-history");
  const last = history.locator("tbody tr").first();
  await expect(last).toContainText("Replaced");
  await expect(last).toContainText(ADMIN.username);
  await expect(last).toContainText("Detached app-backend-access; deleted inline legacy-queue-access");
  await expect(last).toContainText("app-backend-access, ");
  await shots(page, testInfo, "04-replaced-history");
  await page.setViewportSize({ width: 1400, height: 900 });

  // Undo re-attaches exactly what was detached and re-creates the inline policy.
  await last.getByTestId("undo-replacement").click();
  await expect(history.locator("tbody tr").first()).toContainText("Undone");
  await expect(page.getByTestId("attached-policies")).toContainText("app-backend-access");
  await expect(page.getByTestId("attached-policies")).toContainText("legacy-queue-access");
  await shots(page, testInfo, "05-undone");
  expect(offsite).toEqual([]);
});

test("the policy page: versions, entities, tags, JSON with copy; delete refused while attached; detach, then delete", async ({
  page,
}, testInfo) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, ADMIN);
  await page.goto("/policies/app-backend-access");
  await expect(page.getByRole("heading", { name: "app-backend-access", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Copy JSON" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).Statement[0].Action).toContain("s3:*");
  await page.getByRole("tab", { name: /Versions/ }).click();
  await expect(page.getByTestId("policy-versions")).toContainText("v1 (default)");
  await page.getByRole("tab", { name: /Entities attached/ }).click();
  await expect(page.getByTestId("policy-entities")).toContainText("app-backend");
  await expectAccessible(page, "policy page");
  await shots(page, testInfo, "06-policy-page");
  await page.setViewportSize({ width: 1400, height: 900 });

  // The policy this spec created: delete is refused while attached, as IAM refuses.
  await page.goto(`/policies/${POLICY}`);
  await page.getByTestId("delete-policy").click();
  await page.getByTestId("confirm-delete-policy").click();
  await expect(page.getByRole("dialog")).toContainText("Detach it from every role, user and group first");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("tab", { name: /Entities attached/ }).click();
  await page.getByRole("button", { name: "Detach from app-backend" }).click();
  await expect(page.getByTestId("policy-entities")).toContainText("Not attached to any role, user or group.");
  await page.getByTestId("delete-policy").click();
  await page.getByTestId("confirm-delete-policy").click();
  await page.waitForURL((u) => u.pathname === "/policies");
  await expect(page.getByRole("link", { name: POLICY })).toHaveCount(0);
  await page.goto("/roles/app-backend");
  expect(await attachedNames(page)).not.toContain(POLICY);
});
