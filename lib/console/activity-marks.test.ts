import { describe, expect, it } from "vitest";
import { activityMarks } from "./activity-marks";

const window = { start: "2026-11-01T00:00:00.000Z", end: "2026-11-30T23:59:59.000Z" };

describe("activityMarks", () => {
  it.each([
    ["seen every day", "2026-11-01T08:00:00Z", "2026-11-30T08:00:00Z", window, []],
    ["one day in the middle (a monthly job)", "2026-11-15T02:00:00Z", "2026-11-15T02:05:00Z", window, ["single-day"]],
    ["first seen in the last days", "2026-11-28T10:00:00Z", "2026-11-30T10:00:00Z", window, ["recent-only"]],
    ["a single day at the end", "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z", window, ["single-day", "recent-only"]],
    ["just before the recent span", "2026-11-27T23:00:00Z", "2026-11-30T10:00:00Z", window, []],
    [
      "a two-day window marks nothing",
      "2026-11-30T10:00:00Z",
      "2026-11-30T11:00:00Z",
      { start: "2026-11-29T00:00:00Z", end: "2026-11-30T23:59:59Z" },
      [],
    ],
    ["bad dates mark nothing", "garbage", "garbage", window, []],
  ])("%s", (_what, firstSeen, lastSeen, w, marks) => {
    expect(activityMarks({ firstSeen, lastSeen }, w)).toEqual(marks);
  });
});
