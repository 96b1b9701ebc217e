import { expect, test } from "@playwright/test";
import {
  wizardNext,
  ADMIN,
  expectAccessible,
  forbidOffsiteRequests,
  expectTablesFit,
  generateFor,
  shot,
  shotOf,
  signIn,
} from "./support/helpers";

test.describe.configure({ mode: "serial" });

test("the whole flow: generate, review, customize, create and attach on the demo account", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "app-backend" }).click();
  await expect(page.getByRole("heading", { name: "app-backend", level: 1 })).toBeVisible();
  await expect(page.getByTestId("attached-policies").getByRole("button", { name: "app-backend-access" })).toBeVisible();
  await expectAccessible(page, "role page");
  await shot(page, testInfo, "01-role");

  await page.getByTestId("generate-policy-button").click();
  await expect(page.getByRole("heading", { name: "Generate policy", level: 1 })).toBeVisible();
  await expectAccessible(page, "generate page");
  await shot(page, testInfo, "02-generate-form");

  await generateFor(page, "/roles/app-backend", {
    onProgress: async () => {
      await shot(page, testInfo, "03-in-progress");
    },
  });
  await expect(page.getByText("Available until")).toBeVisible();
  await shot(page, testInfo, "04-succeeded");

  await page.getByTestId("view-generated-policy").click();
  const table = page.getByTestId("actions-table");
  await expect(table).toBeVisible();
  await expect(table.getByText("Actions included in the generated policy")).toBeVisible();
  await expectAccessible(page, "review permissions step");
  await shot(page, testInfo, "05-review-permissions");

  // Removing an action: select the first row and remove it; it moves to "Removed actions".
  const row = table.locator("tbody tr").first();
  const firstAction = (await row.locator("td").nth(1).innerText()).trim();
  expect(firstAction).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
  await table.locator("tbody tr").first().getByRole("checkbox").check();
  await page.getByTestId("remove-actions").click();
  await expect(page.getByTestId("removed-actions")).toContainText(firstAction);
  await shot(page, testInfo, "06-action-removed");

  // Adding actions: from the IAM catalog (any service), and by allowing a denied attempt.
  const add = page.getByTestId("add-actions");
  await add.getByRole("button", { name: /Service to add actions from/ }).click();
  await page.keyboard.type("athena");
  await page
    .getByRole("option", { name: /^athena/ })
    .first()
    .click();
  await add.getByTestId("service-actions-athena").getByRole("button").first().click();
  await page
    .getByRole("option", { name: /GetQueryExecution/ })
    .first()
    .click();
  await page.keyboard.press("Escape");
  await expect(table.getByRole("row").filter({ hasText: "GetQueryExecution" })).toContainText("Added");
  // Allow a denied call whose action the policy does not have yet: it joins the table, marked.
  const present = new Set((await table.locator("tbody tr td:nth-child(2)").allInnerTexts()).map((t) => t.trim().split(/\s/)[0]));
  expect(present.size).toBeGreaterThan(5);
  await expect(page.getByTestId("denied-attempts").getByRole("checkbox").first()).toBeVisible();
  await expect(page.getByTestId("denied-attempts").getByText("Never succeeded").first()).toBeVisible();
  let allowedDenied = "";
  for (const box of await page.getByTestId("denied-attempts").getByRole("checkbox").all()) {
    const action = ((await box.getAttribute("aria-label")) ?? "").replace(/^Allow /, "");
    if (!action.includes(":") || present.has(action)) continue;
    await box.check();
    await expect(table.getByRole("row").filter({ hasText: action }).first()).toContainText("Was denied");
    allowedDenied = action;
    break;
  }
  // The demo account's app-backend was denied actions it never used otherwise.
  expect(allowedDenied).not.toBe("");
  await shotOf(page.getByTestId("denied-attempts"), testInfo, "07b-denied-allowed");
  await expectTablesFit(page);
  // Accepting is kept in the server-side draft (the checkbox survives a reload).
  const firstDenied = page.getByTestId("denied-attempts").getByRole("checkbox").first();
  const label = await firstDenied.getAttribute("aria-label");
  if (!(await firstDenied.isChecked())) await firstDenied.check();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.getByTestId("denied-attempts").getByRole("checkbox", { name: label! })).toBeChecked();
  await shot(page, testInfo, "07-actions-added");

  await wizardNext(page, "Customize permissions");
  await expect(page.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible();
  await expectAccessible(page, "customize step");
  await shot(page, testInfo, "08-customize");

  // Filling a placeholder with an observed resource in one click (app-backend's DynamoDB tables and
  // S3 objects are in its logs, so there is one to offer).
  const fill = page.getByTestId("fill-placeholder").first();
  await expect(fill).toBeVisible();
  const arn = (await fill.innerText()).trim();
  expect(arn).toMatch(/^arn:aws:/);
  await fill.click();
  await expect(page.getByTestId("policy-editor")).toContainText(arn.slice(0, 30));
  await shot(page, testInfo, "09-placeholder-filled");
  const rest = page.getByTestId("fill-rest");
  if ((await rest.count()) > 0) await rest.click();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  await expect(page.getByText("Draft saved")).toBeVisible();

  // A reload loses nothing: the edits come back from the server-side draft.
  await page.reload();
  // The step is in the URL (?step=2): the reload stays on it.
  await expect(page).toHaveURL(/[?&]step=2/);
  await expect(page.getByRole("heading", { name: "Customize permissions", level: 1 })).toBeVisible();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();

  // Write actions that stay on "*" (app-backend's events:PutEvents, and s3:DeleteObject allowed from
  // its denied attempts) are listed under Problems: the wizard goes on only once someone
  // acknowledges them.
  const ack = page.getByTestId("acknowledge-unscoped");
  await expect(ack).toBeVisible();
  await expect(page.getByTestId("policy-problems")).toContainText('is allowed on every resource ("*")');
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText(/write or permissions-management actions? (is|are) allowed on every resource/).first()).toBeVisible();
  await shot(page, testInfo, "09b-unscoped-writes");
  await ack.locator("input").check();
  await wizardNext(page, "Review and create");
  await page.getByTestId("policy-name").locator("input").fill("app-backend-least-privilege");
  await expect(page.getByTestId("policy-summary")).toContainText("dynamodb");
  await expectAccessible(page, "review and create step");
  await shot(page, testInfo, "10-review-create");
  await page.getByRole("button", { name: "Create and attach policy" }).click();
  await expect(page.getByTestId("created-result")).toContainText("app-backend-least-privilege");
  await shot(page, testInfo, "11-created");

  await page.getByRole("button", { name: "Back to app-backend" }).click();
  await expect(page.getByTestId("attached-policies").getByRole("button", { name: "app-backend-least-privilege" })).toBeVisible();
  await shot(page, testInfo, "12-attached");

  // The generation is listed on the Policy generations page (ListPolicyGenerations) with its status.
  await page.goto("/generations");
  const generation = page.getByTestId("generations").getByRole("row").filter({ hasText: "Role app-backend" }).first();
  await expect(generation).toContainText("Succeeded");
  await shot(page, testInfo, "13-generations");
  await expectTablesFit(page);

  // The roles list, now with the role's last activity and its new policy.
  await page.goto("/roles");
  await expect(page.getByRole("link", { name: "app-backend" })).toBeVisible();
  await expect(page.getByTestId("role-list")).toContainText("UTC (");
  await expectTablesFit(page);
  await shot(page, testInfo, "14-roles");
  expect(offsite).toEqual([]);
});
