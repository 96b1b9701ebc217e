import { expect, test } from "@playwright/test";
import { wizardNext, ADMIN, expectAccessible, forbidOffsiteRequests, generateFor, shot, signIn, signOut } from "./support/helpers";

test("a viewer can generate and review but is refused admin actions", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await signIn(page, ADMIN);
  await page.goto("/console-users");
  await expectAccessible(page, "console users page");
  await page.getByTestId("create-console-user").click();
  await page.getByLabel("New user name").fill("e2e-viewer");
  await page.getByTestId("create-console-user-submit").click();
  const password = await page.getByTestId("secret-password").textContent();
  expect(password?.length).toBeGreaterThanOrEqual(20);
  await shot(page, testInfo, "01-viewer-created");
  await page.getByTestId("secret-done").click();
  await expect(page.getByRole("cell", { name: "e2e-viewer", exact: true })).toBeVisible();
  await signOut(page, ADMIN.username);

  await signIn(page, { username: "e2e-viewer", password: password! });
  // The admin pages are not in the navigation and refuse a direct visit.
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.goto("/api-keys");
  await page.waitForURL(/\/forbidden/);
  await expect(page.getByText("You do not have access to this page")).toBeVisible();
  await expectAccessible(page, "forbidden page");
  await shot(page, testInfo, "02-viewer-forbidden");

  await page.goto("/trails");
  await expect(page.getByTestId("register-trail")).toHaveCount(0);

  // Viewers generate and review; creating the policy is refused by the server action itself.
  await generateFor(page, "/roles/ci-deployer");
  await page.getByTestId("view-generated-policy").click();
  await expect(page.getByTestId("actions-table")).toBeVisible();
  await wizardNext(page, "Customize permissions");
  const rest = page.getByTestId("fill-rest");
  await expect(page.getByTestId("policy-size")).toContainText("characters");
  if ((await rest.count()) > 0) await rest.click();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  const ack = page.getByTestId("acknowledge-unscoped"); // write actions on "*", if the policy has any
  if ((await ack.count()) > 0) await ack.locator("input").check();
  await wizardNext(page, "Review and create");
  await expect(page.getByText("Only administrators can create and attach policies").first()).toBeVisible();
  // Create is disabled with the reason (the server action refuses viewers as well).
  const create = page.getByTestId("create-disabled");
  await expect(create).toHaveAttribute("aria-disabled", "true");
  await create.hover();
  await expect(page.getByRole("tooltip")).toContainText("Only administrators can create and attach policies. Your draft is saved");
  await shot(page, testInfo, "03-viewer-create-refused");
  expect(offsite).toEqual([]);
});
