import { expect, test } from "@playwright/test";
import { acknowledgeUnscopedWrites, ADMIN, expectAccessible, generateFor, shot, signIn, wizardNext } from "./support/helpers";

test.describe.configure({ mode: "serial" });

test("styled 404s in the console shell, the favicon, no environment hints on sign-in", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(/LEASTWISE_|environment variable/i);
  expect((await page.request.get("/icon.svg")).status()).toBe(200);
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  await signIn(page, ADMIN);
  for (const [path, text] of [
    ["/roles/no-such-role", 'There is no role named "no-such-role"'],
    ["/users/nobody", 'There is no user named "nobody"'],
    ["/policies/no-such-policy", 'There is no customer managed policy named "no-such-policy"'],
    ["/roles/app-backend/no-such-tab", "There is no page at /roles/app-backend/no-such-tab"],
    ["/no/such/page", "There is no page at /no/such/page"],
    [
      "/generations/00000000-0000-4000-8000-000000000000",
      'There is no policy generation with the job ID "00000000-0000-4000-8000-000000000000"',
    ],
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText(text);
    // inside the console shell: the top bar and the side navigation
    await expect(page.locator("#leastwise-top-nav")).toBeVisible();
  }
  await expectAccessible(page, "404 page");
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, testInfo, `01-not-found-${width}`);
  }
});

test("roles list rendered on the server with Trusted entities; policies with descriptions; dark-mode icon", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  const html = await (await page.request.get("/roles")).text();
  expect(html).toContain("app-backend");
  expect(html).toContain("AWS service: ecs-tasks");
  await page.goto("/roles");
  await expect(page.getByTestId("role-list").getByRole("row").filter({ hasText: "app-backend" })).toContainText("AWS service: ecs-tasks");
  await expect(page.getByTestId("role-list").getByRole("columnheader", { name: "Trusted entities" })).toBeVisible();
  await page.goto("/policies");
  await expect(page.getByTestId("policies").getByRole("row").filter({ hasText: "app-backend-access" })).toContainText(
    "Everything the backend might need",
  );
  const toggle = page.getByRole("button", { name: /Switch to (dark|light) mode/ });
  await expect(toggle.locator("svg")).toHaveCount(1);
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/roles");
    await shot(page, testInfo, `02-roles-${width}`);
    await page.goto("/policies");
    await shot(page, testInfo, `03-policies-${width}`);
  }
});

test("policy as code on the policy page and the last step; tags checked with IAM's rules, focus on the field in error", async ({
  page,
}, testInfo) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, ADMIN);
  await page.goto("/policies/app-backend-access");
  await page.getByRole("tab", { name: "As code" }).click();
  const code = page.getByTestId("policy-code");
  await code.getByRole("button", { name: "Terraform", exact: true }).click();
  await expect(page.getByTestId("policy-code-text")).toContainText('resource "aws_iam_policy" "app_backend_access"');
  await code.getByRole("button", { name: "CloudFormation", exact: true }).click();
  await expect(page.getByTestId("policy-code-text")).toContainText("AWS::IAM::ManagedPolicy");
  const download = page.waitForEvent("download");
  await page.getByTestId("download-code").click();
  expect((await download).suggestedFilename()).toBe("app-backend-access.yaml");
  await shot(page, testInfo, "04-policy-as-code");

  await page.goto("/roles/app-backend/generated-policy");
  if (await page.getByText("No generated policy to review").isVisible()) await generateFor(page, "/roles/app-backend");
  await page.goto("/roles/app-backend/generated-policy");
  await wizardNext(page, "Customize permissions");
  const fill = page.getByTestId("fill-placeholder").first();
  if ((await fill.count()) > 0) await fill.click();
  const rest = page.getByTestId("fill-rest");
  if ((await rest.count()) > 0) await rest.click();
  await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
  await acknowledgeUnscopedWrites(page);
  await wizardNext(page, "Review and create");
  await page.getByTestId("policy-code").getByRole("button", { name: "Terraform", exact: true }).click();
  await expect(page.getByTestId("policy-code-text")).toContainText('resource "aws_iam_role_policy_attachment"');
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag key 1").fill("aws:owner");
  await expect(page.getByText('Keys starting with "aws:" are reserved for AWS.')).toBeVisible();
  await page.getByRole("button", { name: "Create and attach policy" }).click();
  await expect(page.getByText(/Fix the tag marked below/)).toBeVisible();
  await expect(page.getByLabel("Tag key 1")).toBeFocused();
  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, testInfo, `05-last-step-${width}`);
  }
});
