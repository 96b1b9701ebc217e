import { describe, expect, it } from "vitest";
import { expiresOn, failureAdvice, formatBytes, isTerminal, progressPercent } from "./generation-view";

const stats = (filesRead: number, filesTotal: number, filesSkipped = 0) => ({
  filesListed: filesTotal,
  filesRead,
  filesTotal,
  filesSkipped,
  bytesCompressed: 0,
  bytesUncompressed: 0,
  eventsRead: 0,
  eventsMatched: 0,
});

describe("generation view helpers", () => {
  it.each([
    [null, null],
    [stats(0, 0), null],
    [stats(5, 10), 50],
    [stats(4, 10, 1), 50],
    [stats(12, 10), 100],
  ])("progressPercent(%j) = %s", (s, pct) => expect(progressPercent(s)).toBe(pct));

  it("expires 7 days after completion, or after the start while running", () => {
    expect(expiresOn({ startedOn: "2026-01-01T00:00:00.000Z", completedOn: "2026-01-02T00:00:00.000Z" }, 7)).toBe(
      "2026-01-09T00:00:00.000Z",
    );
    expect(expiresOn({ startedOn: "2026-01-01T00:00:00.000Z", completedOn: null }, 7)).toBe("2026-01-08T00:00:00.000Z");
  });

  it("terminal states", () => {
    expect(isTerminal("IN_PROGRESS")).toBe(false);
    expect(["SUCCEEDED", "FAILED", "CANCELED"].every((s) => isTerminal(s as "FAILED"))).toBe(true);
  });

  it("advice names what to check for each error code", () => {
    expect(failureAdvice("RESOURCE_NOT_FOUND_ERROR")).toMatch(/Trails page/);
    // a trail of the account is not on the Trails page: CloudTrail is where to look
    expect(failureAdvice("RESOURCE_NOT_FOUND_ERROR")).toMatch(/For a trail of the account, check in CloudTrail/);
    expect(failureAdvice("AUTHORIZATION_ERROR")).toMatch(/service role/);
    expect(failureAdvice("SERVICE_QUOTA_EXCEEDED_ERROR")).toMatch(/shorter date range/);
    expect(failureAdvice("SERVICE_ERROR")).toMatch(/Generate again/);
  });

  it.each([
    [512, "512 B"],
    [2048, "2.0 KB"],
    [5 * 1024 * 1024, "5.0 MB"],
    [300 * 1024 * 1024, "300 MB"],
  ])("formatBytes(%i) = %s", (n, s) => expect(formatBytes(n)).toBe(s));
});
