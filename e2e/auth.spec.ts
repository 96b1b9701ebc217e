import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible, expectTablesFit, forbidOffsiteRequests, shot, signIn, signOut } from "./support/helpers";

test("sign-in refuses a wrong password, then signs in and out", async ({ page }, testInfo) => {
  const offsite = forbidOffsiteRequests(page);
  await page.goto("/roles");
  await page.waitForURL(/\/signin\?callbackUrl=%2Froles/);
  await expectAccessible(page, "sign-in page");
  await shot(page, testInfo, "01-sign-in");

  await page.getByLabel("User name").fill(ADMIN.username);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The user name or password is not correct.")).toBeVisible();
  await shot(page, testInfo, "02-wrong-password");

  await signIn(page, ADMIN);
  await expect(page.getByRole("heading", { name: "Roles", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "app-backend" })).toBeVisible();
  await expectAccessible(page, "roles page");
  await expectTablesFit(page);
  await shot(page, testInfo, "03-roles");

  await page.getByRole("button", { name: /dark mode/i }).click();
  await expect(page.locator("body")).toHaveClass(/awsui-dark-mode/);
  await page.reload();
  await expect(page.locator("body")).toHaveClass(/awsui-dark-mode/); // from the cookie, rendered by the server
  await shot(page, testInfo, "04-dark-mode");
  await page.getByRole("button", { name: /light mode/i }).click();

  await signOut(page, ADMIN.username);
  await expect(page.getByRole("heading", { name: "Sign in to Leastwise" })).toBeVisible();
  await page.goto("/users");
  await page.waitForURL(/\/signin/);
  // An API-style request without a session is refused by the route itself, not only by proxy.ts.
  const res = await page.request.get("/api/console/entities?kind=role");
  expect(res.status()).toBe(401);
  expect(offsite).toEqual([]);
});
