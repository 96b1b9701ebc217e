import { expect, test, type Page } from "@playwright/test";
import { ADMIN, forbidOffsiteRequests, generateFor, setEditorText, shot, signIn, wizardNext } from "./support/helpers";

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
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObjekt"], Resource: "arn:aws:s3:::reports/*" }] }, null, 2),
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
  // Back to the generated policy: no JSON error any more, only its placeholders left to fill.
  await expect(page.getByTestId("policy-problems")).toContainText("placeholders to fill");
  await expect(page.getByTestId("policy-problems")).not.toContainText(/JSON|GetObjekt/);
  await expect(page.getByTestId("policy-editor")).toContainText("SupportedServiceSid0");
  expect(offsite).toEqual([]);
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
