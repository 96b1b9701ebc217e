import { describe, expect, it } from "vitest";
import { buildReadSummary } from "./read-summary";
import type { ScanStats, ScanWarning, UsageSummary } from "./types";

const stats = (over: Partial<ScanStats> = {}): ScanStats => ({
  filesListed: 10,
  filesRead: 10,
  filesTotal: 10,
  filesSkipped: 0,
  bytesCompressed: 1000,
  bytesUncompressed: 5000,
  eventsRead: 400,
  eventsMatched: 0,
  ...over,
});
const usage = (over: Partial<UsageSummary> = {}): UsageSummary => ({
  principalArn: "arn:aws:iam::111122223333:role/r",
  window: { start: "2026-01-01T00:00:00Z", end: "2026-01-02T00:00:00Z" },
  actions: {},
  serviceLevel: {},
  denied: {},
  passRole: {},
  unmapped: {},
  noPermissionCalls: 0,
  eventsMatched: 0,
  ...over,
});
const action = {
  action: "s3:GetObject",
  service: "s3",
  calls: 1,
  firstSeen: "",
  lastSeen: "",
  regions: [],
  eventNames: [],
  sampleEventIds: [],
  resourceArns: [],
};

describe("buildReadSummary", () => {
  it.each([
    [
      "files read, none of the principal",
      stats(),
      usage(),
      true,
      true,
      /400 events in 10 files were read and none was made by the principal/,
    ],
    ["no file at all", stats({ filesListed: 0, filesRead: 0, eventsRead: 0 }), usage(), true, true, /No log file of the window was found/],
    [
      "only refused calls",
      stats({ eventsMatched: 3 }),
      usage({ eventsMatched: 3 }),
      false,
      true,
      /all refused calls or calls that need no permission/,
    ],
    ["a real policy", stats({ eventsMatched: 3 }), usage({ eventsMatched: 3, actions: { "s3:GetObject": action } }), false, false, null],
  ] as const)("%s", (_label, s, u, noEvents, empty, cause) => {
    const summary = buildReadSummary({ stats: s, warnings: [], usage: u });
    expect(summary.noPrincipalEvents).toBe(noEvents);
    expect(summary.emptyPolicy).toBe(empty);
    if (cause) expect(summary.likelyCauses.join(" ")).toMatch(cause);
    else expect(summary.likelyCauses).toEqual([]);
    if (noEvents) expect(summary.likelyCauses.join(" ")).toMatch(/organization trail/);
  });

  it("groups skipped files by reason, with an example", () => {
    const warnings: ScanWarning[] = [
      { file: "a.json.gz", code: "CORRUPT_GZIP", message: "bad gzip" },
      { file: "b.json.gz", code: "CORRUPT_GZIP", message: "bad gzip" },
      { file: "c.json.gz", code: "NOT_CLOUDTRAIL", message: "no Records" },
    ];
    const summary = buildReadSummary({
      stats: stats({ filesSkipped: 3, eventsMatched: 1 }),
      warnings,
      usage: usage({ eventsMatched: 1, actions: { "s3:GetObject": action } }),
    });
    expect(summary.skipped).toEqual([
      { code: "CORRUPT_GZIP", count: 2, example: "a.json.gz: bad gzip", examples: ["a.json.gz: bad gzip", "b.json.gz: bad gzip"] },
      { code: "NOT_CLOUDTRAIL", count: 1, example: "c.json.gz: no Records", examples: ["c.json.gz: no Records"] },
    ]);
    expect(summary.likelyCauses).toEqual(["3 files could not be read and were skipped; their events are missing from the policy."]);
  });

  it("does not suggest an organization ID when one was used, and says when an organization trail had none", () => {
    const org = buildReadSummary({
      stats: stats(),
      warnings: [],
      usage: usage(),
      trails: [{ cloudTrailArn: "t", layout: "organization", orgId: "o-abcdefghij", orgIdFrom: "bucket", location: "s3://b/" }],
    });
    expect(org.likelyCauses.join(" ")).not.toMatch(/give the organization ID/);
    const none = buildReadSummary({
      stats: stats(),
      warnings: [],
      usage: usage(),
      trails: [{ cloudTrailArn: "t", layout: "organization", orgIdFrom: "none", location: "s3://b/" }],
    });
    expect(none.likelyCauses.join(" ")).toMatch(/t is an organization trail but no organization folder was found/);
  });
});
