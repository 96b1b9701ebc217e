import { describe, expect, it } from "vitest";
import { trustedEntities } from "./trusted-entities";

const trust = (...Statement: object[]) => encodeURIComponent(JSON.stringify({ Version: "2012-10-17", Statement }));

describe("trustedEntities", () => {
  it.each([
    [
      "a service",
      trust({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }),
      ["AWS service: ecs-tasks"],
    ],
    [
      "two services and an account",
      trust({
        Effect: "Allow",
        Principal: { Service: ["lambda.amazonaws.com", "states.amazonaws.com"], AWS: "arn:aws:iam::123456789012:root" },
      }),
      ["AWS service: lambda", "AWS service: states", "Account: 123456789012"],
    ],
    [
      "a role of another account",
      trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::210987654321:role/ci" } }),
      ["Account: 210987654321 (role/ci)"],
    ],
    ["a bare account id", trust({ Effect: "Allow", Principal: { AWS: "111122223333" } }), ["Account: 111122223333"]],
    [
      "an OIDC provider",
      trust({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" } }),
      ["Identity provider: token.actions.githubusercontent.com"],
    ],
    ["a Deny is not trust", trust({ Effect: "Deny", Principal: { Service: "ec2.amazonaws.com" } }), []],
    ["anyone", trust({ Effect: "Allow", Principal: "*" }), ["Anyone (*)"]],
    [
      "plain JSON, not encoded",
      JSON.stringify({ Statement: { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" } } }),
      ["AWS service: ec2"],
    ],
    ["nothing", undefined, []],
    ["garbage", "%%%{", []],
  ])("%s", (_what, doc, expected) => {
    expect(trustedEntities(doc)).toEqual(expected);
  });
});
