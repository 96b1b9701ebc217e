// Marker/MaxItems paging. The marker is opaque to clients; it carries the sort key of the last item
// returned so the next page is a simple indexed range query, whatever the account's size.
import { invalidInput } from "./iam-error";
import { checkMaxItems } from "./rules";
import type { QueryParams } from "../protocol/query-params";

export interface PageRequest {
  after?: string;
  take: number;
}

export function readPage(params: QueryParams): PageRequest {
  const take = checkMaxItems(params.integer("MaxItems"));
  const marker = params.string("Marker");
  if (marker === undefined) return { take };
  // IAM caps markers at 320 characters; ours carry an ARN for policy lists, so allow more (SDKs and
  // the CLI do not check the maximum).
  if (marker.length < 1 || marker.length > 4096) throw invalidInput("Invalid Marker: use the Marker value of the previous response.");
  let after: unknown;
  try {
    after = JSON.parse(Buffer.from(marker, "base64url").toString("utf8")).k;
  } catch {
    after = undefined;
  }
  if (typeof after !== "string") throw invalidInput("Invalid Marker: use the Marker value of the previous response.");
  return { after, take };
}

/** Call with `take + 1` rows fetched; returns the page and its paging fields. */
export function pageResult<T>(
  rows: T[],
  page: PageRequest,
  key: (row: T) => string,
): { items: T[]; IsTruncated: boolean; Marker?: string } {
  if (rows.length <= page.take) return { items: rows, IsTruncated: false };
  const items = rows.slice(0, page.take);
  const last = key(items[items.length - 1]);
  return { items, IsTruncated: true, Marker: Buffer.from(JSON.stringify({ k: last }), "utf8").toString("base64url") };
}
