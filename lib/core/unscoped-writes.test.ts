import { describe, expect, it } from "vitest";
import { getActionInfo } from "./catalog";
import { actionResourceTemplates, buildPolicyDocument } from "./policy";
import { parsePrincipalArn } from "./arn";
import { UsageAccumulator } from "./usage";
import { actionResourceTypeNames, UNSCOPED_WRITE, unscopedWriteFindings } from "./unscoped-writes";

const doc = (...statements: object[]) => ({ Version: "2012-10-17", Statement: statements });
const allow = (Action: string | string[], Resource: string | string[] = "*", extra: object = {}) => ({
  Effect: "Allow",
  Action,
  Resource,
  ...extra,
});

describe("unscopedWriteFindings", () => {
  it.each([
    // the console's case: DeleteObject next to a read that needs "*"
    [doc(allow(["cloudwatch:GetMetricData", "s3:DeleteObject"])), [["Statement", 0, "Action", 1]]],
    [doc(allow("iam:PutRolePolicy")), [["Statement", 0, "Action"]]], // permissions management
    [doc(allow("s3:Delete*")), [["Statement", 0, "Action"]]], // a pattern that matches write actions
    [doc(allow("*")), [["Statement", 0, "Action"]]],
    [doc(allow("s3:DeleteObject", ["arn:aws:s3:::b/*", "*"])), [["Statement", 0, "Action"]]],
    // not reported
    [doc(allow(["cloudwatch:GetMetricData", "s3:GetObject"])), []], // reads
    [doc(allow("iam:CreateAccountAlias")), []], // a write with no resource type: "*" is the only choice
    [doc(allow("s3:DeleteObject", "arn:aws:s3:::b/*")), []], // scoped
    [doc({ Effect: "Deny", Action: "s3:DeleteObject", Resource: "*" }), []],
    [doc(allow("ec2:*", "*", { Condition: { StringEquals: { "aws:RequestedRegion": "leastwise-review-required" } } })), []], // inert template
    [doc(allow("identitystore:DeleteIdentityStore")), []], // AWS lists no resource type for it (the catalog requires one)
  ])("%j", (policy, paths) => {
    const findings = unscopedWriteFindings(policy);
    expect(findings.map((f) => f.path)).toEqual(paths);
    for (const f of findings) expect(f).toMatchObject({ severity: "warning", code: UNSCOPED_WRITE });
  });

  it("names the action, its access level and resource types", () => {
    expect(unscopedWriteFindings(doc(allow("s3:DeleteObject")))[0].message).toMatch(
      /^s3:DeleteObject \(Write\) acts on accesspointobject, object resources but is allowed on every resource/,
    );
  });
});

describe("the catalog's required flags against AWS's resource lists", () => {
  it.each([
    // the catalog requires a resource type AWS lists none for: AWS wins, the action goes on "*"
    ["identitystore:DeleteIdentityStore", [], 0],
    // the catalog requires "channel" too; AWS lists consumer and stream only
    ["kinesis:TagResource", ["consumer", "stream"], 2],
  ])("%s", (action, types, templates) => {
    const info = getActionInfo(action)!;
    expect(info.resourceTypes.some((r) => r.required)).toBe(true);
    expect(
      actionResourceTypeNames(action)
        .map((t) => t.toLowerCase())
        .sort(),
    ).toEqual(types);
    expect(actionResourceTemplates(info, "aws")).toHaveLength(templates);
  });
});

describe("DeleteObjects never lands on * silently", () => {
  it("scopes s3:DeleteObject to the bucket the calls named", () => {
    const principal = parsePrincipalArn("arn:aws:iam::123456789012:role/app");
    const acc = new UsageAccumulator(principal, { start: new Date("2026-05-01T00:00:00Z"), end: new Date("2026-05-31T00:00:00Z") });
    const base = {
      eventTime: "2026-05-10T00:00:00Z",
      awsRegion: "eu-west-1",
      recipientAccountId: "123456789012",
      userIdentity: { type: "AssumedRole", sessionContext: { sessionIssuer: { arn: principal.arn } } },
    };
    acc.add({
      ...base,
      eventSource: "s3.amazonaws.com",
      eventName: "DeleteObjects",
      eventCategory: "Data",
      requestParameters: { bucketName: "uploads", delete: "" },
      resources: [{ ARN: "arn:aws:s3:::uploads", type: "AWS::S3::Bucket" }],
    });
    acc.add({ ...base, eventSource: "monitoring.amazonaws.com", eventName: "GetMetricData", requestParameters: {} });
    const { document } = buildPolicyDocument(acc.summary(), { includeResourcePlaceholders: true, includeServiceLevelTemplate: false });
    const star = document.Statement.find((s) => s.Resource === "*")!;
    expect(star.Action).toBe("cloudwatch:GetMetricData");
    expect(document.Statement.find((s) => s.Action === "s3:DeleteObject")?.Resource).toBe("arn:aws:s3:::${BucketName}/${ObjectName}");
    expect(acc.summary().actions["s3:DeleteObject"].resourceArns).toContain("arn:aws:s3:::uploads/*");
    expect(unscopedWriteFindings(document)).toEqual([]);
  });
});
