import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, generateFor, shot, signIn } from "./support/helpers";

test.describe.configure({ mode: "serial" });

test("a generation whose logs are missing fails with the reason and what to do", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/trails");
  await page.getByTestId("register-trail").click();
  await page.getByRole("textbox", { name: "Trail name" }).fill("missing-logs-trail");
  await page.getByRole("radiogroup", { name: "Where the logs are" }).getByText("Local directory").click();
  // Inside the local trails root (the data directory's trails folder), but never created.
  await page.getByRole("textbox", { name: "Directory" }).fill(`${process.env.LEASTWISE_E2E_DATA_DIR}/trails/missing-bucket`);
  await page.getByTestId("register-trail-submit").click();
  await expect(page.getByRole("cell", { name: "missing-logs-trail", exact: true })).toBeVisible();
  await expectAccessible(page, "trails page");
  await shot(page, testInfo, "01-trail-registered");

  await generateFor(page, "/users/alice", { trail: "missing-logs-trail", expect: "Failed" });
  const failed = page.getByTestId("generation-failed");
  await expect(failed).toContainText("RESOURCE_NOT_FOUND_ERROR");
  await expect(failed).toContainText("What to do");
  // a failed generation has no result to keep: no "Available until"
  await expect(page.getByTestId("generation-panel").getByText("Available until")).toHaveCount(0);
  await shot(page, testInfo, "02-failed");
});

test("a running generation can be canceled", async ({ page }, testInfo) => {
  const endpoint = process.env.LEASTWISE_E2E_BLACKHOLE;
  expect(endpoint, "the global setup starts the black-hole endpoint").toBeTruthy();
  await signIn(page, ADMIN);
  await page.goto("/trails");
  await page.getByTestId("register-trail").click();
  await page.getByRole("textbox", { name: "Trail name" }).fill("never-answers-trail");
  await page.getByRole("textbox", { name: "Bucket", exact: true }).fill("never-answers-bucket");
  await page.getByRole("textbox", { name: "Endpoint" }).fill(endpoint!);
  await page.getByTestId("register-trail-submit").click();
  await expect(page.getByRole("cell", { name: "never-answers-trail", exact: true })).toBeVisible();

  await generateFor(page, "/roles/ci-deployer", {
    trail: "never-answers-trail",
    expect: null,
    onProgress: async () => {
      await expect(page.getByTestId("generation-progress")).toBeVisible();
      await shot(page, testInfo, "01-in-progress");
      await page.getByTestId("cancel-generation").click();
    },
  });
  await expect(page.getByTestId("generation-canceled")).toBeVisible({ timeout: 60_000 });
  await shot(page, testInfo, "02-canceled");
});
