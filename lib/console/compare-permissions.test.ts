import { describe, expect, it } from "vitest";
import { getServiceActions, listServices, matchActions } from "@/lib/core/catalog";
import { comparePermissions, grantedActions, groupRemovals, MAX_LISTED } from "./compare-permissions";

const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], extra: object = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });
const everything = listServices().reduce((n, s) => n + getServiceActions(s).length, 0);

describe("grantedActions (real IAM catalog)", () => {
  it.each([
    ["an exact action, catalog spelling", [doc(allow("S3:getobject"))], 1, ["s3:GetObject"]],
    ["a wildcard expands through the catalog", [doc(allow("sqs:*"))], matchActions("sqs:*").length, ["sqs:SendMessage"]],
    ["a ? wildcard", [doc(allow("s3:?etObject"))], matchActions("s3:?etObject").length, ["s3:GetObject"]],
    ["an unknown action grants nothing", [doc(allow("s3:NoSuchThing"))], 0, []],
    ["JSON text and a single statement object", [JSON.stringify({ Statement: allow("kms:Decrypt") })], 1, ["kms:Decrypt"]],
    ["broken JSON grants nothing", ["{"], 0, []],
    [
      "a Deny on * takes actions away",
      [doc(allow("sqs:*"), { Effect: "Deny", Action: "sqs:Delete*", Resource: "*" })],
      matchActions("sqs:*").length - matchActions("sqs:Delete*").length,
      ["sqs:SendMessage"],
    ],
    ["several documents are unioned", [doc(allow("s3:GetObject")), doc(allow("kms:Decrypt"))], 2, ["s3:GetObject", "kms:Decrypt"]],
    ["* is every action", [doc(allow("*"))], everything, ["iam:PassRole"]],
  ])("%s", (_what, docs, size, includes) => {
    const granted = grantedActions(docs);
    expect(granted.size).toBe(size);
    for (const a of includes) expect(granted.has(a)).toBe(true);
  });

  it("NotAction grants every catalog action it does not exclude", () => {
    const granted = grantedActions([doc({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" })]);
    expect(granted.size).toBe(everything - matchActions("iam:*").length - matchActions("organizations:*").length);
    expect(granted.has("iam:PassRole")).toBe(false);
    expect(granted.has("s3:GetObject")).toBe(true);
  });

  it("a Deny limited by resource or condition still leaves the action granted", () => {
    for (const deny of [
      { Effect: "Deny", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" },
      { Effect: "Deny", Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
      { Effect: "Deny", Action: "s3:GetObject", NotResource: "arn:aws:s3:::b/*" },
    ]) {
      expect(grantedActions([doc(allow("s3:GetObject"), deny)]).has("s3:GetObject")).toBe(true);
    }
  });
});

describe("groupRemovals", () => {
  it("puts services with sensitive actions first and sensitive levels first within a service", () => {
    const groups = groupRemovals([
      "s3:ListAllMyBuckets",
      "s3:GetObject",
      "s3:PutObject",
      "iam:PutRolePolicy",
      "iam:CreateRole",
      "cloudwatch:GetMetricData",
    ]);
    expect(groups.map((g) => g.service)).toEqual(["iam", "s3", "cloudwatch"]);
    expect(groups[1].actions.map((a) => [a.action, a.accessLevel])).toEqual([
      ["s3:PutObject", "Write"],
      ["s3:GetObject", "Read"],
      ["s3:ListAllMyBuckets", "List"],
    ]);
    expect(groups[0]).toMatchObject({ service: "iam", sensitive: 2, total: 2, serviceName: expect.stringMatching(/Identity/) });
    expect(groups[1].byLevel).toEqual({ Write: 1, Read: 1, List: 1 });
  });

  it("lists at most MAX_LISTED actions per service but counts them all", () => {
    const [ec2] = groupRemovals(matchActions("ec2:*"));
    expect(ec2.total).toBe(matchActions("ec2:*").length);
    expect(ec2.actions).toHaveLength(MAX_LISTED);
    expect(Object.values(ec2.byLevel).reduce((a, b) => a + b, 0)).toBe(ec2.total);
  });
});

describe("comparePermissions", () => {
  const current = [
    { kind: "managed" as const, name: "broad", document: doc(allow(["s3:*", "sqs:*"])) },
    { kind: "inline" as const, name: "legacy", document: doc(allow("sns:Publish")) },
  ];
  it("counts granted, used and unused, and what the new policy removes", () => {
    const c = comparePermissions({
      current,
      used: ["s3:GetObject", "sqs:SendMessage"],
      proposed: [doc(allow(["s3:GetObject", "sqs:SendMessage"]))],
    });
    const granted = matchActions("s3:*").length + matchActions("sqs:*").length + 1;
    expect(c.granted).toEqual({ actions: granted, services: 3 });
    expect(c.used).toEqual({ actions: 2, services: 2 });
    expect(c.unused).toEqual({ actions: granted - 2, services: 3 });
    expect(c.kept).toEqual({ actions: 2, services: 2 });
    expect(c.removed.reduce((n, g) => n + g.total, 0)).toBe(granted - 2);
    expect(c.removed.find((g) => g.service === "sns")?.actions).toEqual([{ action: "sns:Publish", accessLevel: "Write" }]);
    expect(c.sources).toEqual([
      { kind: "managed", name: "broad", actions: granted - 1 },
      { kind: "inline", name: "legacy", actions: 1 },
    ]);
  });

  it("without a new policy, what would go is what was not used", () => {
    const c = comparePermissions({ current, used: ["sns:Publish"], proposed: null });
    expect(c.kept).toBeNull();
    expect(c.removed.find((g) => g.service === "sns")).toBeUndefined();
    expect(c.removed.reduce((n, g) => n + g.total, 0)).toBe(c.unused.actions);
  });
});
