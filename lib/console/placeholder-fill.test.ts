import { describe, expect, it } from "vitest";
import {
  fillRemainingPlaceholders,
  replaceResourceWithList,
  findPlaceholderResources,
  replaceResourceInText,
  templateRegex,
} from "./placeholder-fill";

describe("templateRegex", () => {
  it.each([
    ["arn:aws:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::my-bucket/a/b.txt", true],
    ["arn:aws:s3:::${BucketName}/${ObjectName}", "arn:aws:s3:::my-bucket", false],
    ["arn:aws:s3:::${BucketName}", "arn:aws:s3:::my-bucket", true],
    ["arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}", "arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc", true],
    ["arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}", "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1", false],
    ["arn:aws:iam::${Account}:role/${RoleNameWithPath}", "arn:aws:iam::111122223333:role/service-role/x", true],
    ["arn:aws:dynamodb:${Region}:${Account}:table/${TableName}", "arn:aws:dynamodb:us-east-1:111122223333:table/t.1", true],
    ["arn:aws:dynamodb:${Region}:${Account}:table/${TableName}", "arn:aws:dynamodbXus-east-1:111122223333:table/t", false],
  ])("%s ~ %s = %s", (t, arn, ok) => expect(templateRegex(t).test(arn)).toBe(ok));
});

describe("findPlaceholderResources", () => {
  const doc = {
    Version: "2012-10-17",
    Statement: [
      { Sid: "SupportedServiceSid0", Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" },
      {
        Sid: "SupportedServiceSid1",
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:PutObject"],
        Resource: "arn:aws:s3:::${BucketName}/${ObjectName}",
      },
      {
        Sid: "SupportedServiceSid2",
        Effect: "Allow",
        Action: "iam:GetRole",
        Resource: ["arn:aws:iam::${Account}:role/${RoleNameWithPath}"],
      },
    ],
  };
  const ev = (resourceArns: string[], calls: number) => ({
    action: "x",
    service: "s3",
    calls,
    firstSeen: "",
    lastSeen: "",
    regions: [],
    eventNames: [],
    sampleEventIds: [],
    resourceArns,
  });
  it("lists placeholder resources with matching observed ARNs, most used first", () => {
    const out = findPlaceholderResources(doc, {
      actions: {
        "s3:GetObject": ev(["arn:aws:s3:::b1/k1", "arn:aws:s3:::b1"], 1),
        "s3:PutObject": ev(["arn:aws:s3:::b2/k2"], 9),
      },
      passRole: {
        "arn:aws:iam::111122223333:role/app-fn": {
          roleArn: "arn:aws:iam::111122223333:role/app-fn",
          viaActions: [],
          calls: 1,
          lastSeen: "",
        },
      },
    });
    expect(out.map((r) => r.resource)).toEqual([
      "arn:aws:s3:::${BucketName}/${ObjectName}",
      "arn:aws:iam::${Account}:role/${RoleNameWithPath}",
    ]);
    expect(out[0].candidates).toEqual(["arn:aws:s3:::b2/k2", "arn:aws:s3:::b1/k1"]);
    expect(out[0].placeholders).toEqual(["${BucketName}", "${ObjectName}"]);
    expect(out[1].candidates).toEqual(["arn:aws:iam::111122223333:role/app-fn"]);
  });
  it("copes with documents that are not policies", () => {
    expect(findPlaceholderResources(null, { actions: {}, passRole: {} })).toEqual([]);
    expect(findPlaceholderResources({ Statement: "x" }, { actions: {}, passRole: {} })).toEqual([]);
  });
});

describe("replaceResourceInText", () => {
  it("replaces the quoted resource, or says it is gone", () => {
    const text = '{"Resource": "arn:aws:s3:::${BucketName}"}';
    expect(replaceResourceInText(text, "arn:aws:s3:::${BucketName}", "arn:aws:s3:::b1")).toBe('{"Resource": "arn:aws:s3:::b1"}');
    expect(replaceResourceInText(text, "arn:aws:s3:::${Other}", "x")).toBeNull();
  });
});

describe("fillRemainingPlaceholders", () => {
  it("puts the account in ${Account} and * elsewhere", () => {
    expect(fillRemainingPlaceholders('"arn:aws:ec2:${Region}:${Account}:instance/${InstanceId}"', "111122223333")).toBe(
      '"arn:aws:ec2:*:111122223333:instance/*"',
    );
    expect(fillRemainingPlaceholders('"arn:aws:iam::${Account}:role/x"', undefined)).toBe('"arn:aws:iam::*:role/x"');
  });
});

describe("replaceResourceWithList", () => {
  const text = '{"Statement": [{"Action": "s3:GetObject", "Resource":  "arn:aws:s3:::${BucketName}/${ObjectName}"}]}';
  it("puts every observed ARN in place of the template", () => {
    const out = replaceResourceWithList(text, "arn:aws:s3:::${BucketName}/${ObjectName}", ["arn:aws:s3:::a/1", "arn:aws:s3:::b/2"]);
    expect(JSON.parse(out!).Statement[0].Resource).toEqual(["arn:aws:s3:::a/1", "arn:aws:s3:::b/2"]);
    expect(
      JSON.parse(replaceResourceWithList(text, "arn:aws:s3:::${BucketName}/${ObjectName}", ["arn:aws:s3:::a/1"])!).Statement[0].Resource,
    ).toBe("arn:aws:s3:::a/1");
  });
  it("refuses when the template is not a whole Resource value", () => {
    expect(replaceResourceWithList(text, "arn:aws:s3:::${BucketName}", ["x"])).toBeNull();
  });
});
