import { describe, expect, it } from "vitest";
import { CoreError } from "./errors";
import {
  isValidTrailArn,
  parseArn,
  parsePrincipalArn,
  parseRoleArn,
  parseTrailArn,
  principalArnProblem,
  PRINCIPAL_ARN_PATTERN,
} from "./arn";

describe("parsePrincipalArn: valid", () => {
  it.each([
    ["arn:aws:iam::123456789012:role/MyRole", "aws", "role", "MyRole", "MyRole"],
    ["arn:aws:iam::123456789012:role/service-role/MyRole", "aws", "role", "service-role/MyRole", "MyRole"],
    ["arn:aws:iam::123456789012:role/a/b/c/Deep.Role+=,@_-1", "aws", "role", "a/b/c/Deep.Role+=,@_-1", "Deep.Role+=,@_-1"],
    ["arn:aws-cn:iam::123456789012:user/alice", "aws-cn", "user", "alice", "alice"],
    ["arn:aws-us-gov:iam::123456789012:user/division/alice", "aws-us-gov", "user", "division/alice", "alice"],
  ])("%s", (arn, partition, kind, nameWithPath, name) => {
    expect(parsePrincipalArn(arn)).toEqual({ arn, partition, accountId: "123456789012", kind, nameWithPath, name });
  });
});

describe("parsePrincipalArn: invalid, with a reason", () => {
  it.each([
    ["", /empty/],
    [" arn:aws:iam::123456789012:role/R", /white space/],
    ["arn:aws:iam::123456789012:role/My Role", /white space/],
    ["role/MyRole", /must start with "arn:"/],
    ["arn:aws", /not an ARN/],
    ["arn:aws:sts::123456789012:assumed-role/MyRole/session", /role session ARN.*role\/MyRole/],
    ["arn:aws:s3:::bucket", /not principals/],
    ["arn:aws:iam:us-east-1:123456789012:role/R", /no region/],
    ["arn:aws-mars:iam::123456789012:role/R", /Unknown partition/],
    ["arn:aws:iam::12345678901:role/R", /12 digits/],
    ["arn:aws:iam::12345678901a:role/R", /12 digits/],
    ["arn:aws:iam::123456789012:group/Admins", /role or a user/],
    ["arn:aws:iam::123456789012:policy/P", /role or a user/],
    ["arn:aws:iam::123456789012:role/", /name is missing/],
    ["arn:aws:iam::123456789012:role/" + "x".repeat(65), /name .* is invalid/],
    ["arn:aws:iam::123456789012:role/bad#name", /name .* is invalid/],
    ["arn:aws:iam::123456789012:role/a//b", /path .* is invalid/],
    ["arn:aws:iam::123456789012:role/" + "p/".repeat(300) + "R", /longer than 576/],
    ["arn:aws:iam::123456789012:role/" + "p/".repeat(256) + "R", /path .* is invalid/],
    ["arn:aws:iam::123456789012:role/*", /name .* is invalid/],
  ])("%j", (arn, reason) => {
    let error: unknown;
    try {
      parsePrincipalArn(arn);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe("INVALID_ARN");
    expect((error as CoreError).field).toBe("principalArn");
    expect((error as CoreError).message).toMatch(reason);
    expect(principalArnProblem(arn)).toMatch(reason);
  });
});

describe("API pattern vs stricter checks", () => {
  it.each([
    ["arn:aws:iam::123456789012:role/R", true],
    ["arn:x:iam::abc:user/u", true], // the API's pattern accepts it, our checks do not
    ["arn:aws:iam::123456789012:group/g", false],
    ["arn:aws:iam::123456789012:role/", false],
  ])("%s matches the API pattern: %s", (arn, matches) => {
    expect(PRINCIPAL_ARN_PATTERN.test(arn)).toBe(matches);
  });
  it("stricter than the API pattern", () => {
    expect(principalArnProblem("arn:x:iam::abc:user/u")).toMatch(/partition/);
  });
});

describe("parseTrailArn", () => {
  it.each([
    [
      "arn:aws:cloudtrail:us-east-1:123456789012:trail/management-events",
      { partition: "aws", region: "us-east-1", accountId: "123456789012", name: "management-events" },
    ],
    [
      "arn:aws-cn:cloudtrail:cn-north-1:123456789012:trail/org.trail_1",
      { partition: "aws-cn", region: "cn-north-1", accountId: "123456789012", name: "org.trail_1" },
    ],
  ])("%s", (arn, expected) => {
    expect(parseTrailArn(arn)).toEqual(expected);
    expect(isValidTrailArn(arn)).toBe(true);
  });
  it.each([
    ["arn:aws:cloudtrail:us-east-1:123456789012:trail/", /not a trail ARN/],
    ["arn:aws:s3:::bucket", /not a trail ARN/],
    ["arn:aws:cloudtrail::123456789012:trail/t1x", /region/],
    ["arn:aws:cloudtrail:us-east-1:1234:trail/t1x", /12 digits/],
    ["arn:aws:cloudtrail:us-east-1:123456789012:trail/ab", /trail name/],
    ["arn:aws:cloudtrail:us-east-1:123456789012:trail/-abc", /trail name/],
    ["arn:aws:cloudtrail:us-east-1:123456789012:trail/a--bc", /trail name/],
    ["arn:aws:cloudtrail:us-east-1:123456789012:trail/a b c", /white space/],
  ])("rejects %s", (arn, reason) => {
    expect(() => parseTrailArn(arn)).toThrow(reason);
    expect(isValidTrailArn(arn)).toBe(false);
  });
});

describe("parseArn", () => {
  it.each([
    [
      "arn:aws:s3:::bucket/key:with:colons",
      { partition: "aws", service: "s3", region: "", accountId: "", resource: "bucket/key:with:colons" },
    ],
    [
      "arn:aws:lambda:us-east-1:123456789012:function:f",
      { partition: "aws", service: "lambda", region: "us-east-1", accountId: "123456789012", resource: "function:f" },
    ],
    ["nope", null],
    ["arn:aws:s3", null],
  ])("%s", (arn, expected) => {
    expect(parseArn(arn)).toEqual(expected);
  });
});

describe("parseRoleArn", () => {
  it("accepts a role and names the field", () => {
    expect(parseRoleArn("arn:aws:iam::123456789012:role/service-role/AccessAnalyzerMonitorServiceRole").name).toBe(
      "AccessAnalyzerMonitorServiceRole",
    );
  });
  it.each([
    ["arn:aws:iam::123456789012:user/u", /Expected a role ARN/],
    ["arn:aws:iam::123:role/r", /12 digits/],
  ])("rejects %s", (arn, reason) => {
    expect(() => parseRoleArn(arn)).toThrow(reason);
    try {
      parseRoleArn(arn);
    } catch (e) {
      expect((e as CoreError).field).toBe("accessRole");
    }
  });
});
