import { expect, test, type Page } from "@playwright/test";
import { ADMIN, forbidOffsiteRequests, generateFor, readEditorText, setEditorText, shot, signIn, wizardNext } from "./support/helpers";

test.describe.configure({ mode: "serial" });

async function openCustomize(page: Page) {
  await page.goto("/roles/data-pipeline/generated-policy");
  await expect(page.getByTestId("actions-table")).toBeVisible();
  await wizardNext(page, "Customize permissions");
  await expect(page.getByTestId("policy-editor").locator(".monaco-editor")).toBeVisible();
}

test("an invalid edit is marked and blocks the next step; reset restores the generated policy", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await signIn(page, ADMIN);
  await generateFor(page, "/roles/data-pipeline");
  await openCustomize(page);
  await setEditorText(
    page,
    JSON.stringify(
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObjekt"], Resource: "arn:aws:s3:::reports/*" }] },
      null,
      2,
    ),
  );
  await expect(page.getByTestId("policy-problems")).toContainText("s3:GetObjekt");
  await expect(page.getByTestId("policy-editor").locator(".squiggly-error").first()).toBeAttached();
  await shot(page, testInfo, "01-invalid-marker");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByText(/Fix the 1 problem marked in the editor/).first()).toBeVisible();
  await expect(page.getByTestId("policy-name")).toHaveCount(0);
  await shot(page, testInfo, "02-next-blocked");

  await setEditorText(page, '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", ');
  await expect(page.getByTestId("policy-problems")).toContainText(/JSON/i);
  await page.getByTestId("reset-policy").click();
  await page.getByTestId("confirm-wizard").click(); // "Reset to generated" asks first
  // Back to the generated policy: no JSON error any more, only its placeholders left to fill.
  await expect(page.getByTestId("policy-problems")).toContainText("placeholders to fill");
  await expect(page.getByTestId("policy-problems")).not.toContainText(/JSON|GetObjekt/);
  await expect(page.getByTestId("policy-editor")).toContainText("SupportedServiceSid0");
  expect(offsite).toEqual([]);
});

test("a fill clicked while the editor is still loading is kept, and the editor opens on the filled text", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await openCustomize(page);
  const reset = page.getByTestId("reset-policy");
  if (await reset.isEnabled()) {
    await reset.click();
    await page.getByTestId("confirm-wizard").click();
  }
  await expect(page.getByTestId("fill-rest")).toBeVisible();

  // Load step 1 again, and hold back every script chunk requested from here on: the Monaco editor
  // (loaded on demand by the customize step) stays "Loading editor..." while the policy analysis arrives.
  await page.goto("/roles/data-pipeline/generated-policy");
  await expect(page.getByTestId("actions-table")).toBeVisible();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route("**/_next/static/**", async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await wizardNext(page, "Customize permissions");
  await expect(page.getByTestId("fill-rest")).toBeVisible();
  await expect(page.getByText("Loading editor...")).toBeVisible();
  expect(held).toBeGreaterThan(0);
  await page.getByTestId("fill-rest").click();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  await expect(page.getByText("Loading editor...")).toBeVisible();
  await shot(page, testInfo, "01-filled-before-editor");

  release();
  const editor = page.getByTestId("policy-editor");
  await expect(editor.locator(".monaco-editor")).toBeVisible();
  // What Monaco holds is the filled text.
  const inEditor = await readEditorText(page);
  expect(JSON.parse(inEditor).Statement.length).toBeGreaterThan(0);
  expect(inEditor).not.toContain("${");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.unroute("**/_next/static/**");
  // The filled text is the draft: a reload brings it back.
  await page.reload();
  // The step is in the URL (?step=2): the reload stays on it.
  await expect(page).toHaveURL(/[?&]step=2/);
  await expect(page.getByRole("heading", { name: "Customize permissions", level: 1 })).toBeVisible();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  await page.getByTestId("reset-policy").click();
  await page.getByTestId("confirm-wizard").click(); // "Reset to generated" asks first
  await expect(page.getByTestId("fill-rest")).toBeVisible();
});

test("an over-long policy shows how it will be split, and is created as several policies", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await openCustomize(page);
  const statements = Array.from({ length: 60 }, (_, i) => ({
    Sid: `Tables${i}`,
    Effect: "Allow",
    Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
    Resource: `arn:aws:dynamodb:eu-west-1:123456789012:table/pipeline-stage-${String(i).padStart(3, "0")}-with-a-long-name`,
  }));
  await setEditorText(page, JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2));
  const preview = page.getByTestId("split-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(/created as [2-9] policies/);
  await shot(page, testInfo, "01-split-preview");
  await wizardNext(page, "Review and create");
  await page.getByTestId("policy-name").locator("input").fill("data-pipeline-split");
  await page.getByTestId("attach-checkbox").locator("input").uncheck();
  await expect(page.getByText(/named data-pipeline-split-1 to data-pipeline-split-/)).toBeVisible();
  await page.getByRole("button", { name: "Create policy" }).click();
  const result = page.getByTestId("created-result");
  await expect(result).toContainText("data-pipeline-split-1");
  await expect(result).toContainText("data-pipeline-split-2");
  await shot(page, testInfo, "02-split-created");
});

test("a duplicate policy name is refused on the name field", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await openCustomize(page);
  await setEditorText(
    page,
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "glue:GetJob", Resource: "*" }] }, null, 2),
  );
  await expect(page.getByTestId("policy-problems").getByText("No problems found")).toBeVisible();
  await wizardNext(page, "Review and create");
  await page.getByTestId("policy-name").locator("input").fill("data-pipeline-access");
  await page.getByTestId("attach-checkbox").locator("input").uncheck();
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(/already exists/)).toBeVisible();
  await expect(page.getByTestId("created-result")).toHaveCount(0);
  await shot(page, testInfo, "01-duplicate-name");
});
