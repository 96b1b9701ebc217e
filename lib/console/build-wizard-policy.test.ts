import { describe, expect, it } from "vitest";
import type { UsageSummary } from "@/lib/core/types";
import { analyzePolicy } from "./analyze-policy";
import { buildWizardPolicy, PASSROLE_SID } from "./build-wizard-policy";
import { EMPTY_SELECTION } from "./draft-selection";

const ev = (action: string, resourceArns: string[] = []) => ({
  action,
  service: action.split(":")[0],
  calls: 2,
  firstSeen: "2026-01-02T00:00:00.000Z",
  lastSeen: "2026-01-03T00:00:00.000Z",
  regions: ["eu-west-1"],
  eventNames: [action.split(":")[1]],
  sampleEventIds: [],
  resourceArns,
});

const usage: UsageSummary = {
  principalArn: "arn:aws:iam::111122223333:role/app",
  window: { start: "2026-01-01T00:00:00.000Z", end: "2026-01-31T00:00:00.000Z" },
  actions: {
    "sts:GetCallerIdentity": ev("sts:GetCallerIdentity"),
    "dynamodb:GetItem": ev("dynamodb:GetItem", ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]),
  },
  serviceLevel: { sqs: { service: "sqs", calls: 3, eventNames: ["SendMessage"] } },
  denied: {},
  passRole: {
    "arn:aws:iam::111122223333:role/fn": {
      roleArn: "arn:aws:iam::111122223333:role/fn",
      viaActions: ["lambda:CreateFunction"],
      calls: 1,
      lastSeen: "",
    },
    "arn:aws:iam::111122223333:instance-profile/web": {
      roleArn: "arn:aws:iam::111122223333:instance-profile/web",
      viaActions: ["ec2:RunInstances"],
      calls: 1,
      lastSeen: "",
      kind: "instance-profile",
    },
  },
  unmapped: {},
  noPermissionCalls: 0,
  eventsMatched: 5,
};

describe("buildWizardPolicy (real core and catalog)", () => {
  it("builds the generated format with placeholders and reports service-level usage as incomplete", () => {
    const { text, isComplete } = buildWizardPolicy({ usage, selection: EMPTY_SELECTION });
    const doc = JSON.parse(text);
    expect(isComplete).toBe(false);
    expect(doc.Statement[0]).toMatchObject({ Sid: "SupportedServiceSid0", Action: "sts:GetCallerIdentity", Resource: "*" });
    expect(JSON.stringify(doc)).toContain("dynamodb:GetItem");
    expect(JSON.stringify(doc)).not.toContain("sqs:");
  });

  it("applies removals, catalog additions and accepted PassRole", () => {
    const { text } = buildWizardPolicy({
      usage,
      selection: {
        ...EMPTY_SELECTION,
        removedActions: ["dynamodb:GetItem"],
        addedActions: ["sqs:sendmessage"],
        acceptedPassRoles: ["arn:aws:iam::111122223333:role/fn"],
      },
    });
    const doc = JSON.parse(text);
    const all = JSON.stringify(doc);
    expect(all).not.toContain("dynamodb:GetItem");
    expect(all).toContain("sqs:SendMessage");
    expect(doc.Statement.at(-1)).toEqual({
      Sid: `${PASSROLE_SID}0`,
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: "arn:aws:iam::111122223333:role/fn",
      Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
    });
  });

  it("never puts iam:PassRole on an instance profile, and says which accepted ARNs were left out", () => {
    const { text, passRoleLeftOut } = buildWizardPolicy({
      usage,
      selection: {
        ...EMPTY_SELECTION,
        acceptedPassRoles: ["arn:aws:iam::111122223333:instance-profile/web", "arn:aws:iam::111122223333:role/fn"],
      },
    });
    expect(text).not.toContain("instance-profile");
    expect(passRoleLeftOut).toEqual(["arn:aws:iam::111122223333:instance-profile/web"]);
    for (const st of JSON.parse(text).Statement.filter((s: { Action: string }) => s.Action === "iam:PassRole"))
      expect(st.Condition).toBeDefined();
  });
});

describe("analyzePolicy", () => {
  it('lists write actions on "*" as problems to acknowledge', () => {
    const text = JSON.stringify(
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["cloudwatch:GetMetricData", "s3:DeleteObject"], Resource: "*" }] },
      null,
      2,
    );
    const a = analyzePolicy({ text, usage });
    const m = a.markers.filter((x) => x.code === "UNSCOPED_WRITE");
    expect(m).toHaveLength(1);
    expect(text.slice(m[0].start, m[0].end)).toBe('"s3:DeleteObject"');
    expect(a.errorCount).toBe(0);
  });

  it("offers observed ARNs for placeholders and summarizes", () => {
    const { text } = buildWizardPolicy({ usage, selection: EMPTY_SELECTION });
    const a = analyzePolicy({ text, usage });
    expect(a.errorCount).toBe(0);
    const table = a.placeholders.find((p) => p.actions.includes("dynamodb:GetItem"));
    expect(table?.candidates).toEqual(["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]);
    expect(a.markers.some((m) => m.code === "PLACEHOLDER_LEFT")).toBe(true);
    expect(a.summary?.map((r) => r.service)).toEqual(["dynamodb", "sts"]);
    expect(a.parts).toHaveLength(1);
  });

  it("marks an unknown action at its position and counts it as an error", () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]\n}';
    const a = analyzePolicy({ text, usage });
    expect(a.errorCount).toBeGreaterThan(0);
    const m = a.markers.find((x) => x.code === "UNKNOWN_ACTION")!;
    expect(text.slice(m.start, m.end)).toBe('"s3:GetObjekt"');
  });

  it("reports broken JSON without a split or summary", () => {
    const a = analyzePolicy({ text: '{"Version": "2012-10-17", "Statement": [', usage });
    expect(a.errorCount).toBeGreaterThan(0);
    expect(a.parts).toBeNull();
    expect(a.summary).toBeNull();
  });

  it("previews the split of an over-long policy instead of flagging it", () => {
    const statements = Array.from({ length: 80 }, (_, i) => ({
      Effect: "Allow",
      Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
      Resource: `arn:aws:dynamodb:eu-west-1:111122223333:table/a-rather-long-table-name-${i}`,
    }));
    const text = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
    const a = analyzePolicy({ text, usage });
    expect(a.length).toBeGreaterThan(6144);
    expect(a.parts!.length).toBeGreaterThan(1);
    expect(a.parts!.every((p) => p.length <= 6144)).toBe(true);
    expect(a.parts!.reduce((n, p) => n + p.statements, 0)).toBe(80);
    expect(a.markers.some((m) => m.code === "TOO_LONG")).toBe(false);
  });
});
