import { describe, expect, it } from "vitest";
import { CoreError } from "./errors";
import { parseIsoTime, validateWindow } from "./window";

const now = new Date("2026-06-01T00:00:00Z");
const d = (s: string) => new Date(s);

describe("validateWindow", () => {
  it.each([
    ["one day", "2026-05-01T00:00:00Z", "2026-05-02T00:00:00Z"],
    ["exactly 90 days", "2026-03-03T00:00:00Z", "2026-06-01T00:00:00Z"],
    ["end in the future", "2026-05-30T00:00:00Z", "2026-06-10T00:00:00Z"],
  ])("accepts %s", (_name, start, end) => {
    expect(() => validateWindow(d(start), d(end), { now })).not.toThrow();
  });

  it.each([
    ["end before start", "2026-05-02T00:00:00Z", "2026-05-01T00:00:00Z", {}, "INVALID_WINDOW", "endTime", /before the start/],
    ["empty window", "2026-05-02T00:00:00Z", "2026-05-02T00:00:00Z", {}, "INVALID_WINDOW", "endTime", /empty/],
    ["over 90 days", "2026-03-02T23:59:59Z", "2026-06-01T00:00:00Z", {}, "WINDOW_TOO_LONG", "startTime", /maximum is 90 days/],
    [
      "over a custom max",
      "2026-05-01T00:00:00Z",
      "2026-05-12T00:00:00Z",
      { maxDays: 10 },
      "WINDOW_TOO_LONG",
      "startTime",
      /11 days; the maximum is 10/,
    ],
    ["start in the future", "2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z", {}, "WINDOW_IN_FUTURE", "startTime", /in the future/],
    ["invalid start", "garbage", "2026-06-03T00:00:00Z", {}, "INVALID_WINDOW", "startTime", /not a valid date/],
    ["invalid end", "2026-05-01T00:00:00Z", "garbage", {}, "INVALID_WINDOW", "endTime", /not a valid date/],
  ])("rejects %s", (_name, start, end, opts, code, field, message) => {
    let error: unknown;
    try {
      validateWindow(d(start), d(end), { now, ...opts });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code, field });
    expect((error as Error).message).toMatch(message);
  });
});

describe("parseIsoTime", () => {
  it.each([
    ["2024-02-13T00:30:00Z", "2024-02-13T00:30:00.000Z"],
    ["2024-02-13", "2024-02-13T00:00:00.000Z"],
    ["2024-02-13T00:30", "2024-02-13T00:30:00.000Z"],
    ["2024-02-13T02:30:00+02:00", "2024-02-13T00:30:00.000Z"],
    ["2024-02-31", null],
    ["13/02/2024", null],
    ["", null],
  ])("%j", (text, expected) => {
    expect(parseIsoTime(text)?.toISOString() ?? null).toBe(expected);
  });
});
