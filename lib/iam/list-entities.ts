// Shared paging of ListRoles/ListUsers with an optional case-insensitive name filter. IAM has no
// server-side name filter, so a filtered page reads IAM pages until it has enough matches; the
// marker it returns resumes right after the last match returned, so nothing is skipped or repeated.
import type { EntityPage, EntitySummary } from "./types";

export interface ListEntitiesOptions {
  marker?: string;
  /** entities per page (1-1000, default 50) */
  maxItems?: number;
  pathPrefix?: string;
  /** case-insensitive substring of the name */
  filter?: string;
}

export interface IamPage {
  items: EntitySummary[];
  marker?: string;
}

type FetchPage = (marker: string | undefined, maxItems: number) => Promise<IamPage>;

const SCAN_PAGE = 1000;

export async function pageEntities(options: ListEntitiesOptions, fetchPage: FetchPage): Promise<EntityPage> {
  const maxItems = Math.min(Math.max(Math.trunc(options.maxItems ?? 50), 1), 1000);
  const filter = options.filter?.trim().toLowerCase();
  if (!filter) {
    const page = await fetchPage(options.marker, maxItems);
    return { items: page.items, marker: page.marker };
  }
  const items: EntitySummary[] = [];
  let marker = options.marker;
  for (;;) {
    const page = await fetchPage(marker, SCAN_PAGE);
    for (let j = 0; j < page.items.length; j++) {
      if (!page.items[j].name.toLowerCase().includes(filter)) continue;
      items.push(page.items[j]);
      if (items.length === maxItems) {
        const consumedAll = j === page.items.length - 1;
        // IAM markers are opaque: to resume mid-page, ask IAM for the marker after j+1 entities.
        const next = consumedAll ? page.marker : (await fetchPage(marker, j + 1)).marker;
        return { items, marker: next };
      }
    }
    marker = page.marker;
    if (!marker) return { items };
  }
}
