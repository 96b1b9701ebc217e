import { describe, expect, it } from "vitest";
import { CoreError } from "./errors";
import { fillPlaceholder, fillVariable, listPlaceholders, observedArnsForTemplate } from "./placeholders";
import { goldenUsage } from "./testdata/golden-input";

const OBJECT = "arn:aws:s3:::${BucketName}/${ObjectName}";
const doc = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "SupportedServiceSid0", Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" },
    { Sid: "SupportedServiceSid1", Effect: "Allow", Action: "s3:GetObject", Resource: OBJECT },
    {
      Sid: "SupportedServiceSid2",
      Effect: "Allow",
      Action: ["ec2:StartInstances", "ec2:StopInstances"],
      Resource: "arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}",
    },
    {
      Sid: "Mine",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: ["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::${BucketName}/x"],
    },
  ],
};

describe("listPlaceholders", () => {
  it("lists templated resources, not policy variables", () => {
    expect(listPlaceholders(doc)).toEqual([
      {
        statementIndex: 1,
        sid: "SupportedServiceSid1",
        path: ["Statement", 1, "Resource"],
        resource: OBJECT,
        placeholders: ["BucketName", "ObjectName"],
        actions: ["s3:GetObject"],
      },
      {
        statementIndex: 2,
        sid: "SupportedServiceSid2",
        path: ["Statement", 2, "Resource"],
        resource: "arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}",
        placeholders: ["Region", "Account", "InstanceId"],
        actions: ["ec2:StartInstances", "ec2:StopInstances"],
      },
      {
        statementIndex: 3,
        sid: "Mine",
        path: ["Statement", 3, "Resource", 1],
        resource: "arn:aws:s3:::${BucketName}/x",
        placeholders: ["BucketName"],
        actions: ["s3:GetObject"],
      },
    ]);
  });
});

describe("fillPlaceholder", () => {
  it.each([
    [["arn:aws:s3:::reports/2026/a.csv"], "arn:aws:s3:::reports/2026/a.csv"],
    [
      ["arn:aws:s3:::b/1", "arn:aws:s3:::b/2", "arn:aws:s3:::b/1"],
      ["arn:aws:s3:::b/1", "arn:aws:s3:::b/2"],
    ],
    [["arn:aws:s3:::b/*"], "arn:aws:s3:::b/*"],
  ])("fills statement 1 with %j", (arns, resource) => {
    const out = fillPlaceholder(doc, { statementIndex: 1, arns }) as typeof doc;
    expect(out.Statement[1].Resource).toEqual(resource);
    expect(doc.Statement[1].Resource).toBe(OBJECT); // the input is untouched
  });

  it.each([
    [{ statementIndex: 1, arns: ["arn:aws:s3:::bucket-only"] }, /does not fit/],
    [{ statementIndex: 0, arns: ["arn:aws:s3:::b/k"] }, /no resource with placeholders/],
    [{ statementIndex: 9, arns: ["arn:aws:s3:::b/k"] }, /no statement 9/],
    [{ statementIndex: 1, arns: [] }, /at least one/],
  ])("refuses %j", (target, message) => {
    expect(() => fillPlaceholder(doc, target)).toThrow(CoreError);
    expect(() => fillPlaceholder(doc, target)).toThrow(message);
  });
});

describe("fillVariable", () => {
  it("fills a variable everywhere, or in one statement", () => {
    const all = fillVariable(doc, { name: "Account", value: "123456789012" }) as typeof doc;
    expect(all.Statement[2].Resource).toBe("arn:aws:ec2:${Region}:123456789012:instance/${InstanceId}");
    const one = fillVariable(doc, { name: "BucketName", value: "logs", statementIndex: 3 }) as typeof doc;
    expect(one.Statement[3].Resource).toEqual(["arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::logs/x"]);
    expect(one.Statement[1].Resource).toBe(OBJECT);
  });
  it("refuses values that would create new placeholders", () => {
    expect(() => fillVariable(doc, { name: "Region", value: "${x}" })).toThrow(/must not contain/);
  });
});

describe("observedArnsForTemplate", () => {
  it("offers the observed ARNs that fit", () => {
    const usage = goldenUsage({
      description: "",
      principalArn: "arn:aws:iam::123456789012:role/R",
      window: { start: "2026-05-01T00:00:00Z", end: "2026-05-02T00:00:00Z" },
      options: { includeResourcePlaceholders: true, includeServiceLevelTemplate: false },
      actions: ["s3:GetObject"],
    });
    usage.actions["s3:GetObject"].resourceArns = ["arn:aws:s3:::b", "arn:aws:s3:::b/k1", "arn:aws:s3:::c/k/2"];
    expect(observedArnsForTemplate(OBJECT, ["s3:GetObject", "s3:Unused"], usage)).toEqual(["arn:aws:s3:::b/k1", "arn:aws:s3:::c/k/2"]);
  });
});
