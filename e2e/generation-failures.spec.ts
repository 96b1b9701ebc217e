import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, generateFor, shot, signIn } from "./support/helpers";

test.describe.configure({ mode: "serial" });

test("a generation whose logs are missing fails with the reason and what to do", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/trails");
  await page.getByTestId("register-trail").click();
  await page.getByLabel("Trail name").fill("missing-logs-trail");
  await page.getByText("Local directory", { exact: true }).click();
  await page.getByLabel("Directory").fill("/nonexistent/leastwise-e2e/missing-bucket");
  await page.getByTestId("register-trail-submit").click();
  await expect(page.getByRole("cell", { name: "missing-logs-trail" })).toBeVisible();
  await expectAccessible(page, "trails page");
  await shot(page, testInfo, "01-trail-registered");

  await generateFor(page, "/users/alice", { trail: "missing-logs-trail", expect: "Failed" });
  const failed = page.getByTestId("generation-failed");
  await expect(failed).toContainText("RESOURCE_NOT_FOUND_ERROR");
  await expect(failed).toContainText("What to do");
  await shot(page, testInfo, "02-failed");
});

test("a running generation can be canceled", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await generateFor(page, "/roles/app-backend", {
    expect: null,
    onProgress: async () => {
      await page.getByTestId("cancel-generation").click();
    },
  });
  await expect(page.getByTestId("generation-canceled")).toBeVisible({ timeout: 60_000 });
  await shot(page, testInfo, "01-canceled");
});
