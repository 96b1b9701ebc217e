import { describe, expect, it } from "vitest";
import { IamError } from "./iam-error";
import { checkTrustPolicy } from "./trust-policy";

const trust = (statement: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: statement });
const allow = { Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" };

describe("checkTrustPolicy", () => {
  it.each([
    ["the documented service-role trust", trust([allow]), "ok"],
    ["a single statement object", trust(allow), "ok"],
    ["several sts actions", trust([{ ...allow, Action: ["sts:AssumeRole", "sts:TagSession"] }]), "ok"],
    ["invalid JSON", "{not json", "MalformedPolicyDocument"],
    ["no statement", JSON.stringify({ Version: "2012-10-17" }), "MalformedPolicyDocument"],
    ["no principal", trust([{ Effect: "Allow", Action: "sts:AssumeRole" }]), "MalformedPolicyDocument"],
    ["a resource", trust([{ ...allow, Resource: "*" }]), "MalformedPolicyDocument"],
    ["a non-sts action", trust([{ ...allow, Action: "s3:GetObject" }]), "MalformedPolicyDocument"],
    ["a bad effect", trust([{ ...allow, Effect: "Maybe" }]), "MalformedPolicyDocument"],
    ["a bad version", JSON.stringify({ Version: "2020-01-01", Statement: [allow] }), "MalformedPolicyDocument"],
    ["too long", trust(Array.from({ length: 40 }, (_, i) => ({ ...allow, Sid: `S${i}` }))), "LimitExceeded"],
    ["empty", "", "ValidationError"],
  ])("%s -> %s", (_, doc, expected) => {
    let code = "ok";
    try {
      checkTrustPolicy(doc);
    } catch (error) {
      if (!(error instanceof IamError)) throw error;
      code = error.code;
    }
    expect(code).toBe(expected);
  });
});
