import { describe, expect, it } from "vitest";
import { dateRangeProblem, resolveDateRange, type DateRangeValue } from "./date-range";

const now = new Date("2026-03-31T12:00:00.000Z");

describe("resolveDateRange", () => {
  it("ends a relative range now", () => {
    expect(resolveDateRange({ type: "relative", amount: 30, unit: "day" }, now)).toEqual({
      start: new Date("2026-03-01T12:00:00.000Z"),
      end: now,
    });
  });
  it("takes a bare end date as the end of that day, capped at now", () => {
    expect(resolveDateRange({ type: "absolute", startDate: "2026-03-01", endDate: "2026-03-10" }, now).end.toISOString()).toBe(
      "2026-03-10T23:59:59.999Z",
    );
    expect(resolveDateRange({ type: "absolute", startDate: "2026-03-01", endDate: "2026-03-31" }, now).end).toEqual(now);
  });
});

describe("dateRangeProblem", () => {
  const cases: [string, DateRangeValue | null, RegExp | null][] = [
    ["missing", null, /Choose a date range/],
    ["30 days", { type: "relative", amount: 30, unit: "day" }, null],
    ["90 days", { type: "relative", amount: 90, unit: "day" }, null],
    ["91 days", { type: "relative", amount: 91, unit: "day" }, /at most 90 days/],
    ["12 weeks", { type: "relative", amount: 12, unit: "week" }, null],
    ["13 weeks (91 days)", { type: "relative", amount: 13, unit: "week" }, /91 days long/],
    ["1 year", { type: "relative", amount: 1, unit: "year" }, /365 days long/],
    ["absolute ok", { type: "absolute", startDate: "2026-01-15", endDate: "2026-03-15" }, null],
    ["absolute too long", { type: "absolute", startDate: "2025-11-01", endDate: "2026-03-15" }, /at most 90/],
    ["end before start", { type: "absolute", startDate: "2026-03-15", endDate: "2026-03-01" }, /before its end/],
    ["future start", { type: "absolute", startDate: "2026-05-01", endDate: "2026-05-15" }, /future/],
    [
      "future end date",
      { type: "absolute", startDate: "2026-03-01", endDate: "2026-04-01" },
      /cannot end in the future: choose an end date on or before today \(2026-03-31\)/,
    ],
    ["future end time", { type: "absolute", startDate: "2026-03-01", endDate: "2026-03-31T13:00:00Z" }, /cannot end in the future/],
    ["today as the end date", { type: "absolute", startDate: "2026-03-01", endDate: "2026-03-31" }, null],
    ["garbage", { type: "absolute", startDate: "yesterday", endDate: "2026-03-01" }, /valid/],
  ];
  it.each(cases)("%s", (_name, value, expected) => {
    const problem = dateRangeProblem(value, 90, now);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});
