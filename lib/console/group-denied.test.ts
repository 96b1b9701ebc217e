import { describe, expect, it } from "vitest";
import type { DeniedAttempt } from "@/lib/core/types";
import { groupDenied } from "./group-denied";

const d = (
  eventName: string,
  action: string | undefined,
  calls: number,
  lastSeen: string,
  errorCode = "AccessDenied",
  errorMessage?: string,
): DeniedAttempt => ({
  eventSource: "s3.amazonaws.com",
  eventName,
  action,
  errorCode,
  errorMessage,
  calls,
  lastSeen,
  sampleEventIds: [],
});

describe("groupDenied", () => {
  it("lists each action once per error, summing calls, keeping the latest message and every key", () => {
    const rows = groupDenied(
      {
        "s3:PutObject:AccessDenied": d("PutObject", "s3:PutObject", 2, "2026-11-02T00:00:00Z", "AccessDenied", "old"),
        "s3:CreateMultipartUpload:AccessDenied": d(
          "CreateMultipartUpload",
          "s3:PutObject",
          3,
          "2026-11-05T00:00:00Z",
          "AccessDenied",
          "new",
        ),
        "s3:PutObject:SlowDown": d("PutObject", "s3:PutObject", 1, "2026-11-01T00:00:00Z", "SlowDown"),
        "s3:Weird:AccessDenied": d("Weird", undefined, 1, "2026-11-01T00:00:00Z"),
        "s3:DeleteObject:AccessDenied": d("DeleteObject", "s3:DeleteObject", 1, "2026-11-01T00:00:00Z"),
      },
      (a) => a === "s3:PutObject",
    );
    expect(rows.map((r) => [r.action ?? r.eventNames[0], r.errorCode, r.calls])).toEqual([
      ["s3:DeleteObject", "AccessDenied", 1], // never succeeded: first
      ["Weird", "AccessDenied", 1],
      ["s3:PutObject", "AccessDenied", 5],
      ["s3:PutObject", "SlowDown", 1],
    ]);
    const put = rows[2];
    expect(put.eventNames).toEqual(["CreateMultipartUpload", "PutObject"]);
    expect(put.keys).toEqual(["s3:CreateMultipartUpload:AccessDenied", "s3:PutObject:AccessDenied"]);
    expect(put.errorMessage).toBe("new");
    expect(put.lastSeen).toBe("2026-11-05T00:00:00Z");
  });

  it("an empty usage has no rows", () => {
    expect(groupDenied({}, () => false)).toEqual([]);
  });
});
