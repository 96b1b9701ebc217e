import { expect, test } from "@playwright/test";
import { acknowledgeUnscopedWrites, ADMIN, generateFor, shot, signIn, wizardNext } from "./support/helpers";
import { expectReadable } from "./support/readability";

test.describe.configure({ mode: "serial" });

test("every step reads well at 1024 and 1400 px: no word broken, no column narrower than its words, bounded height", async ({
  page,
}, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/roles/app-backend/generated-policy");
  if (await page.getByText("No generated policy to review").isVisible()) await generateFor(page, "/roles/app-backend");

  for (const width of [1024, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/roles");
    await expect(page.getByRole("link", { name: "app-backend" })).toBeVisible();
    await expectReadable(page, `roles at ${width}`);

    await page.goto("/roles/app-backend");
    await expect(page.getByTestId("unused-permissions")).toBeVisible();
    await expectReadable(page, `role page at ${width}`);

    await page.goto("/roles/app-backend/generated-policy");
    const table = page.getByTestId("actions-table");
    await expect(table.locator("tbody tr").first()).toBeVisible();
    await expect(table.getByRole("heading", { name: /Actions included/ })).toContainText(/\(\d+\)/);
    await expectReadable(page, `review permissions at ${width}`);
    await shot(page, testInfo, `01-review-${width}`);

    // The evidence opens in the split panel, where ARNs have room.
    await table
      .getByRole("button", { name: /^Show evidence for / })
      .first()
      .click();
    await expect(page.getByText(/^Evidence: /)).toBeVisible();
    await expectReadable(page, `review permissions with the evidence panel at ${width}`);
    await shot(page, testInfo, `02-evidence-${width}`);
    await page.getByRole("button", { name: "Close panel" }).click();

    // Collection preferences: page size and visible columns.
    await table.getByRole("button", { name: "Preferences" }).click();
    await page.getByRole("dialog").getByText("10 actions").click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm" }).click();
    expect(await table.locator("tbody tr").count()).toBeLessThanOrEqual(10);

    await expect(page.getByTestId("denied-attempts").getByRole("searchbox")).toBeVisible();
    await expect(page.getByTestId("passrole-suggestions").getByRole("searchbox")).toBeVisible();

    await wizardNext(page, "Customize permissions");
    await expectReadable(page, `customize at ${width}`);
    await shot(page, testInfo, `03-customize-${width}`);
    const rest = page.getByTestId("fill-rest");
    if ((await rest.count()) > 0) await rest.click();
    await expect(page.getByTestId("placeholders").getByText("No placeholders left")).toBeVisible();
    await acknowledgeUnscopedWrites(page);
    await wizardNext(page, "Review and create");
    await expect(page.getByTestId("unused-permissions")).toBeVisible();
    await expectReadable(page, `review and create at ${width}`);
    await shot(page, testInfo, `03b-review-create-${width}`);

    await page.goto("/policies");
    await expectReadable(page, `policies at ${width}`);
    await page.goto("/policies/app-backend-access");
    await expectReadable(page, `policy page at ${width}`);
    await shot(page, testInfo, `04-policy-${width}`);
  }
});

test("denied attempts list each action once per error, and filter", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/roles/app-backend/generated-policy");
  const denied = page.getByTestId("denied-attempts");
  await expect(denied.locator("tbody tr").first()).toBeVisible();
  const rows = await denied.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim());
      return `${cells[1]?.split("\n")[0]}|${cells[4]?.split(":")[0]}`;
    }),
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows).size).toBe(rows.length);
  const first = rows[0].split("|")[0];
  await denied.getByRole("searchbox").fill(first);
  await expect(denied.getByText(/\d+ match/).first()).toBeVisible(); // the second is the filter's hidden live region
  for (const row of await denied.locator("tbody tr").allInnerTexts()) expect(row).toContain(first);
  await denied.getByRole("searchbox").fill("no-such-action-anywhere");
  await expect(denied).toContainText("No denied attempt matches the filter.");
});
