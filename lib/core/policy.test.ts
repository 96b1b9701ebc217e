import { describe, expect, it } from "vitest";
import { getActionInfo } from "./catalog";
import { actionResourceTemplates, buildGeneratedPolicies, buildPolicyDocument, SERVICE_LEVEL_REVIEW_CONDITION } from "./policy";
import { MANAGED_POLICY_MAX_CHARS, policyLength, splitPolicyDocument } from "./policy-split";
import { goldenUsage } from "./testdata/golden-input";
import type { UsageSummary } from "./types";

const window = { start: "2026-05-01T00:00:00Z", end: "2026-05-31T23:59:59Z" };
const usageOf = (actions: string[], principalArn = "arn:aws:iam::123456789012:role/R"): UsageSummary =>
  goldenUsage({
    description: "",
    principalArn,
    window,
    options: { includeResourcePlaceholders: true, includeServiceLevelTemplate: false },
    actions,
  });
const P = { includeResourcePlaceholders: true, includeServiceLevelTemplate: false };

describe("actionResourceTemplates", () => {
  it.each([
    ["ec2:RunInstances", [], 5],
    ["kms:CreateAlias", [], 2],
    ["elasticloadbalancing:DeleteListener", [], 3],
    ["sts:GetCallerIdentity", [], 0],
    ["s3:GetObject", [], 0], // optional types only, nothing observed: "*"
    ["s3:GetObject", ["arn:aws:s3:::b/k/x.txt"], 1],
    ["s3:GetObject", ["arn:aws:s3:::b"], 0], // a bucket is not an object
    ["s3:ListBucket", ["arn:aws:s3:::b"], 1],
  ])("%s with %j -> %i templates", (action, observed, count) => {
    expect(actionResourceTemplates(getActionInfo(action)!, "aws", observed)).toHaveLength(count);
  });

  it("keeps an optional-only action on * when some call named no fitting resource", () => {
    expect(actionResourceTemplates(getActionInfo("s3:GetObject")!, "aws", ["arn:aws:s3:::b/k"], 1)).toEqual([]);
    expect(actionResourceTemplates(getActionInfo("ec2:StartInstances")!, "aws", [], 3)).toHaveLength(1); // required types ignore it
  });
});

describe("buildPolicyDocument rules", () => {
  it("orders template statements in byte order ($ before :) and resolves only the partition", () => {
    const { document } = buildPolicyDocument(
      usageOf(["ec2:DescribeVpcs", "ec2:RunInstances"], "arn:aws-us-gov:iam::123456789012:user/u"),
      P,
    );
    const resources = document.Statement.map((s) => s.Resource);
    expect(resources[0]).toBe("*");
    expect(resources.slice(1)).toEqual([...resources.slice(1)].sort());
    expect(resources.at(-1)).toBe("arn:aws-us-gov:ec2:${Region}::image/${ImageId}");
    expect(resources.every((r) => !r.includes("${Partition}"))).toBe(true);
  });

  it("numbers Sids without padding and uses a string Action for one action", () => {
    const { document } = buildPolicyDocument(
      usageOf(["ec2:RunInstances", "iam:GetRole", "iam:ListRoles", "kms:CreateAlias", "lambda:GetFunction", "s3:CreateBucket"]),
      P,
    );
    expect(document.Statement.map((s) => s.Sid)).toEqual(document.Statement.map((_, i) => `SupportedServiceSid${i}`));
    expect(document.Statement.length).toBeGreaterThan(10);
    const single = document.Statement.find((s) => s.Resource.includes(":role/"))!;
    expect(single.Action).toBe("iam:GetRole");
    expect(document.Statement[0]).toEqual({ Sid: "SupportedServiceSid0", Effect: "Allow", Action: "iam:ListRoles", Resource: "*" });
  });

  it("sorts actions inside a statement", () => {
    const { document } = buildPolicyDocument(usageOf(["s3:ListAllMyBuckets", "ec2:DescribeInstances", "cloudwatch:PutMetricData"]), P);
    expect(document.Statement[0].Action).toEqual(["cloudwatch:PutMetricData", "ec2:DescribeInstances", "s3:ListAllMyBuckets"]);
  });

  it("folds everything into one * statement without placeholders", () => {
    const { document } = buildPolicyDocument(usageOf(["ec2:RunInstances", "iam:GetRole"]), { ...P, includeResourcePlaceholders: false });
    expect(document.Statement).toEqual([
      { Sid: "SupportedServiceSid0", Effect: "Allow", Action: ["ec2:RunInstances", "iam:GetRole"], Resource: "*" },
    ]);
  });

  it("never emits an action the catalog does not know, and then reports incomplete", () => {
    const usage = usageOf(["iam:GetRole", "iam:NoSuchAction"]);
    const { document, isComplete } = buildPolicyDocument(usage, P);
    expect(JSON.stringify(document)).not.toContain("NoSuchAction");
    expect(isComplete).toBe(false);
  });
});

describe("isComplete and service-level templates", () => {
  const withUnmapped = (): UsageSummary => {
    const u = usageOf(["iam:GetRole"]);
    u.unmapped["ec2.amazonaws.com:Nope"] = { eventSource: "ec2.amazonaws.com", eventName: "Nope", service: "ec2", calls: 1 };
    u.serviceLevel.ec2 = { service: "ec2", calls: 1, eventNames: ["Nope"] };
    return u;
  };
  it.each([
    ["all mapped", usageOf(["iam:GetRole"]), false, true, 0],
    ["nothing used", usageOf([]), false, true, 0],
    ["unmapped service event, no template", withUnmapped(), false, false, 0],
    ["unmapped service event, template", withUnmapped(), true, false, 1],
  ])("%s", (_name, usage, template, complete, templates) => {
    const result = buildGeneratedPolicies(usage, { includeResourcePlaceholders: true, includeServiceLevelTemplate: template });
    expect(result.isComplete).toBe(complete);
    const statements = result.policies.flatMap((p) => JSON.parse(p.policy).Statement);
    const inert = statements.filter((s: { Sid: string }) => s.Sid.startsWith("ServiceLevelTemplateSid"));
    expect(inert).toHaveLength(templates);
    for (const s of inert)
      expect(s).toEqual({
        Sid: "ServiceLevelTemplateSid0",
        Effect: "Allow",
        Action: "ec2:*",
        Resource: "*",
        Condition: SERVICE_LEVEL_REVIEW_CONDITION,
      });
  });

  it("returns no policy when nothing was used", () => {
    expect(buildGeneratedPolicies(usageOf([]), P).policies).toEqual([]);
  });
});

describe("policyLength", () => {
  it.each([
    ["{}", 2],
    ['{ "a" :\n\t"b" }', 9],
    ["", 0],
  ])("%j -> %i", (text, n) => expect(policyLength(text)).toBe(n));
});

describe("splitPolicyDocument", () => {
  const statement = (i: number, actions: number) => ({
    Sid: `SupportedServiceSid${i}`,
    Effect: "Allow",
    Action: Array.from({ length: actions }, (_, j) => `s3:Action${String(i).padStart(3, "0")}x${String(j).padStart(4, "0")}`),
    Resource: `arn:aws:s3:::bucket-${i}`,
  });
  const docOf = (statements: object[]) => ({ Version: "2012-10-17", Statement: statements });

  it("returns a short document unchanged", () => {
    const doc = docOf([statement(0, 3)]);
    expect(splitPolicyDocument(doc)).toEqual([doc]);
  });

  it.each([
    ["many small statements", Array.from({ length: 60 }, (_, i) => statement(i, 4))],
    ["one huge statement", [statement(0, 700)]],
    ["mixed", [statement(0, 3), statement(1, 500), statement(2, 3), statement(3, 260)]],
  ])("%s: every part valid, under the limit, nothing lost, deterministic", (_name, statements) => {
    const doc = docOf(statements);
    const parts = splitPolicyDocument(doc) as {
      Version: string;
      Statement: { Sid: string; Action: string | string[]; Resource: string }[];
    }[];
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(policyLength(JSON.stringify(p))).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
      expect(p.Version).toBe("2012-10-17");
      expect(p.Statement.length).toBeGreaterThan(0);
    }
    const pairs = (list: { Action: string | string[]; Resource: string }[]) =>
      list.flatMap((s) => [s.Action].flat().map((a) => `${a} ${s.Resource}`)).sort();
    expect(pairs(parts.flatMap((p) => p.Statement))).toEqual(pairs(statements));
    const sids = parts.flatMap((p) => p.Statement.map((s) => s.Sid));
    expect(sids).toEqual(sids.map((_, i) => `SupportedServiceSid${i}`));
    expect(splitPolicyDocument(doc)).toEqual(parts);
  });

  it("splits a long Resource list, and suffixes hand-written Sids", () => {
    const resources = Array.from({ length: 400 }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(4, "0")}/*`);
    const parts = splitPolicyDocument(docOf([{ Sid: "Reports", Effect: "Allow", Action: "s3:GetObject", Resource: resources }])) as {
      Statement: { Sid: string; Resource: string[] }[];
    }[];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.Statement.flatMap((s) => s.Resource))).toEqual(resources);
    expect(parts.map((p) => p.Statement[0].Sid)).toEqual(parts.map((_, i) => (i === 0 ? "Reports" : `ReportsPart${i + 1}`)));
    for (const p of parts) expect(policyLength(JSON.stringify(p))).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
  });

  it("refuses to split a NotAction list (it would change the meaning)", () => {
    const notActions = Array.from({ length: 500 }, (_, i) => `s3:Action${String(i).padStart(4, "0")}`);
    expect(() => splitPolicyDocument(docOf([{ Effect: "Deny", NotAction: notActions, Resource: "*" }]))).toThrow(/cannot fit/);
  });

  it("splits at a custom limit", () => {
    const parts = splitPolicyDocument(docOf(Array.from({ length: 10 }, (_, i) => statement(i, 2))), 400);
    for (const p of parts) expect(policyLength(JSON.stringify(p))).toBeLessThanOrEqual(400);
  });
});
