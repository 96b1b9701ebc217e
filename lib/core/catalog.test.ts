import { describe, expect, it } from "vitest";
import { actionExists, getActionInfo, getServiceActions, listServices, matchActions, serviceExists } from "./catalog";
import { buildPolicyDocument } from "./policy";
import { goldenUsage } from "./testdata/golden-input";
import { validatePolicyDocument } from "./validate-policy";

describe("catalog lookups", () => {
  it.each([
    ["s3:GetObject", "s3:GetObject", "Read"],
    ["S3:getobject", "s3:GetObject", "Read"],
    ["iam:PassRole", "iam:PassRole", "Write"],
    ["iam:PutRolePolicy", "iam:PutRolePolicy", "Permissions management"],
  ])("%s", (name, spelled, level) => {
    expect(getActionInfo(name)).toMatchObject({ name: spelled, accessLevel: level });
    expect(actionExists(name)).toBe(true);
  });
  it.each(["s3:NoSuch", "nosuch:GetObject", "s3", "", "s3:Get:Object"])("%j is unknown", (name) => {
    expect(getActionInfo(name)).toBeUndefined();
    expect(actionExists(name)).toBe(false);
  });
  it("lists services and actions", () => {
    expect(listServices().length).toBeGreaterThan(400);
    expect(serviceExists("EC2")).toBe(true);
    expect(getServiceActions("kms")).toContain("kms:ReEncryptFrom");
    expect(getServiceActions("nosuch")).toEqual([]);
    expect(matchActions("s3:GetObject*")).toContain("s3:GetObjectVersion");
    expect(matchActions("s3:?etObject")).toEqual(["s3:GetObject"]);
    expect(matchActions("nosuch:*")).toEqual([]);
  });
});

describe("the whole catalog through the policy builder", () => {
  it.each(["aws", "aws-cn", "aws-us-gov"])("every action and ARN template gives a valid policy (%s)", (partition) => {
    const actions = listServices().flatMap((s) => getServiceActions(s));
    const usage = goldenUsage({
      description: "",
      principalArn: `arn:${partition}:iam::123456789012:role/R`,
      window: { start: "2026-05-01T00:00:00Z", end: "2026-05-02T00:00:00Z" },
      options: { includeResourcePlaceholders: true, includeServiceLevelTemplate: false },
      actions,
    });
    const { document, isComplete } = buildPolicyDocument(usage, { includeResourcePlaceholders: true, includeServiceLevelTemplate: false });
    expect(isComplete).toBe(true);
    expect(document.Statement.flatMap((s) => [s.Action].flat()).length).toBeGreaterThanOrEqual(actions.length);
    const findings = validatePolicyDocument(JSON.stringify(document), { kind: "identity", maxChars: Number.MAX_SAFE_INTEGER, partition });
    expect(findings.filter((f) => f.code !== "PLACEHOLDER_LEFT")).toEqual([]);
  });
});
