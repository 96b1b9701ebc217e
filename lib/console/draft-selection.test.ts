import { describe, expect, it } from "vitest";
import type { UsageSummary } from "@/lib/core/types";
import { applySelection, normalizeSelection } from "./draft-selection";

const ev = (action: string) => ({
  action,
  service: action.split(":")[0],
  calls: 3,
  firstSeen: "2026-01-02T00:00:00Z",
  lastSeen: "2026-01-03T00:00:00Z",
  regions: ["us-east-1"],
  eventNames: [action.split(":")[1]],
  sampleEventIds: [],
  resourceArns: [],
});

const usage: UsageSummary = {
  principalArn: "arn:aws:iam::111122223333:role/app",
  window: { start: "2026-01-01T00:00:00Z", end: "2026-01-31T00:00:00Z" },
  actions: { "s3:GetObject": ev("s3:GetObject"), "s3:PutObject": ev("s3:PutObject"), "sts:GetCallerIdentity": ev("sts:GetCallerIdentity") },
  serviceLevel: { sqs: { service: "sqs", calls: 4, eventNames: ["SendMessage"] } },
  denied: {
    "dynamodb.amazonaws.com:PutItem:AccessDenied": {
      eventSource: "dynamodb.amazonaws.com",
      eventName: "PutItem",
      action: "dynamodb:PutItem",
      errorCode: "AccessDenied",
      calls: 2,
      lastSeen: "2026-01-04T00:00:00Z",
      sampleEventIds: [],
    },
  },
  passRole: {},
  unmapped: {},
  noPermissionCalls: 0,
  eventsMatched: 10,
};

const catalog = new Map(
  ["s3:GetObject", "s3:PutObject", "sts:GetCallerIdentity", "sqs:SendMessage", "dynamodb:PutItem"].map((a) => [a.toLowerCase(), a]),
);
const lookup = (a: string) => {
  const name = catalog.get(a.toLowerCase());
  return name ? { name, accessLevel: "Write" } : undefined;
};

describe("applySelection", () => {
  it("removes, adds from the catalog in its spelling, and accepts denied actions", () => {
    const out = applySelection(
      usage,
      normalizeSelection({
        removedActions: ["s3:putobject"],
        addedActions: ["SQS:sendmessage", "sqs:NoSuchAction"],
        acceptedDenied: ["dynamodb.amazonaws.com:PutItem:AccessDenied", "missing-key"],
        acceptedPassRoles: [],
      }),
      lookup,
    );
    expect(Object.keys(out.actions).sort()).toEqual(["dynamodb:PutItem", "s3:GetObject", "sqs:SendMessage", "sts:GetCallerIdentity"]);
    expect(out.actions["sqs:SendMessage"].calls).toBe(0);
    expect(out.actions["s3:GetObject"].calls).toBe(3);
    expect(out.serviceLevel).toEqual({});
  });

  it("a removed action stays removed even when added again", () => {
    const out = applySelection(usage, normalizeSelection({ removedActions: ["s3:GetObject"], addedActions: ["s3:GetObject"] }), lookup);
    expect(out.actions["s3:GetObject"]).toBeUndefined();
  });
});

describe("normalizeSelection", () => {
  it.each([[null], [undefined], ["text"], [{ removedActions: "s3:GetObject" }]])("turns %j into an empty selection", (v) => {
    expect(normalizeSelection(v)).toEqual({ removedActions: [], addedActions: [], acceptedPassRoles: [], acceptedDenied: [] });
  });
  it("dedupes, sorts and drops non-strings", () => {
    expect(normalizeSelection({ addedActions: ["b:X", "a:Y", "b:X", 3, ""] }).addedActions).toEqual(["a:Y", "b:X"]);
  });
});
