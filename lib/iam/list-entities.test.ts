import { describe, expect, it } from "vitest";
import { pageEntities, type IamPage } from "./list-entities";
import type { EntitySummary } from "./types";

// An IAM-like source: 2,500 entities in name order, paged by an opaque marker (the next index).
const all: EntitySummary[] = Array.from({ length: 2500 }, (_, i) => ({
  kind: "role",
  name: `${i % 7 === 0 ? "data" : "app"}-${String(i).padStart(4, "0")}`,
  path: "/",
  arn: `arn:aws:iam::123456789012:role/r${i}`,
  id: `AROA${i}`,
  createdAt: new Date(0).toISOString(),
}));
let calls = 0;
async function fetchPage(marker: string | undefined, maxItems: number): Promise<IamPage> {
  calls++;
  const start = marker ? Number(Buffer.from(marker, "base64").toString()) : 0;
  const items = all.slice(start, start + maxItems);
  const next = start + items.length;
  return { items, marker: next < all.length ? Buffer.from(String(next)).toString("base64") : undefined };
}

describe("pageEntities", () => {
  it("pages without a filter exactly like IAM", async () => {
    const page = await pageEntities({ maxItems: 100 }, fetchPage);
    expect(page.items).toHaveLength(100);
    expect(page.marker).toBeDefined();
  });

  it.each([1, 7, 50, 358])("a filtered walk with pages of %i returns every match once, in order", async (maxItems) => {
    const expected = all.filter((e) => e.name.includes("DATA".toLowerCase())).map((e) => e.name);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    calls = 0;
    do {
      const page = await pageEntities({ maxItems, filter: " DATA ", marker }, fetchPage);
      pages++;
      expect(page.items.length).toBeLessThanOrEqual(maxItems);
      seen.push(...page.items.map((e) => e.name));
      marker = page.marker;
    } while (marker);
    expect(seen).toEqual(expected);
    // a page reads IAM at most once through plus one look-up of the marker to resume from
    expect(calls).toBeLessThanOrEqual(pages * (Math.ceil(all.length / 1000) + 1));
  });

  it("returns an empty last page when nothing matches", async () => {
    expect(await pageEntities({ filter: "zzz" }, fetchPage)).toEqual({ items: [] });
  });
});
