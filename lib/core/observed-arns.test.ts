import { describe, expect, it } from "vitest";
import { looksLikeArn, observedArns } from "./observed-arns";

describe("looksLikeArn", () => {
  it.each([
    ["arn:aws:s3:::bucket", true],
    ["arn:aws:s3:::bucket/my file.txt", true],
    ["arn:aws-cn:lambda:cn-north-1:123456789012:function:f", true],
    ["arn:aws:iam::aws:policy/ReadOnlyAccess", true],
    ["arn:aws:iam::123:role/x", false],
    ["arn:aws:s3:::", false],
    ["arn:aws:s3:::a\nb", false],
    ["https://sqs.us-east-1.amazonaws.com/123456789012/q", false],
    ["arn:" + "x".repeat(3000), false],
  ])("%j -> %s", (value, expected) => expect(looksLikeArn(value)).toBe(expected));
});

describe("observedArns", () => {
  it("reads resources and request parameters at any depth", () => {
    const arns = observedArns({
      resources: [{ ARN: "arn:aws:s3:::b/k" }, { ARN: "not-an-arn" }],
      requestParameters: { a: { b: [{ c: "arn:aws:sns:us-east-1:123456789012:t" }] }, note: "see arn:aws:s3:::x" },
    });
    expect([...new Set(arns)].sort()).toEqual(["arn:aws:s3:::b/k", "arn:aws:sns:us-east-1:123456789012:t"]);
  });
  it("stops walking huge request bodies", () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, `arn:aws:s3:::b${i}`]));
    expect(observedArns({ requestParameters: wide }).length).toBeLessThan(600);
  });
});
