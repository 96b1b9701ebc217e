import { describe, expect, it } from "vitest";
import { serviceRolePermissionsPolicy, serviceRoleTrustPolicy, trustsAccessAnalyzer, trustsPrincipal } from "./service-role-policies";

const trust = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const me = "arn:aws:iam::123456789012:role/ops/leastwise";

describe("service role documents", () => {
  it("are the documented ones, with the bucket filled in", () => {
    const permissions = JSON.parse(serviceRolePermissionsPolicy({ bucket: "trail-bucket" }));
    expect(permissions.Statement).toEqual([
      { Effect: "Allow", Action: "cloudtrail:GetTrail", Resource: "*" },
      { Effect: "Allow", Action: ["iam:GenerateServiceLastAccessedDetails", "iam:GetServiceLastAccessedDetails"], Resource: "*" },
      {
        Effect: "Allow",
        Action: ["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"],
        Resource: ["arn:aws:s3:::trail-bucket", "arn:aws:s3:::trail-bucket/*"],
      },
    ]);
    expect(JSON.parse(serviceRoleTrustPolicy()).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const both = serviceRoleTrustPolicy({ alsoTrust: me });
    expect(trustsAccessAnalyzer(both)).toBe(true);
    expect(trustsPrincipal(both, me)).toBe(true);
  });

  it.each([
    [
      "the service principal",
      trust({ Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }),
      true,
    ],
    [
      "a list of services",
      trust({
        Effect: "Allow",
        Principal: { Service: ["ec2.amazonaws.com", "access-analyzer.amazonaws.com"] },
        Action: ["sts:AssumeRole"],
      }),
      true,
    ],
    ["another service", trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }), false],
    ["a Deny", trust({ Effect: "Deny", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }), false],
    ["not JSON", "{", false],
  ])("trustsAccessAnalyzer: %s -> %s", (_, doc, expected) => {
    expect(trustsAccessAnalyzer(doc)).toBe(expected);
  });

  it.each([
    ["the exact role", trust({ Effect: "Allow", Principal: { AWS: me }, Action: "sts:AssumeRole" }), true],
    ["its account root", trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }), true],
    ["its account ID", trust({ Effect: "Allow", Principal: { AWS: ["123456789012"] }, Action: "sts:AssumeRole" }), true],
    ["another account", trust({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999999999999:root" }, Action: "sts:AssumeRole" }), false],
    [
      "only the service",
      trust({ Effect: "Allow", Principal: { Service: "access-analyzer.amazonaws.com" }, Action: "sts:AssumeRole" }),
      false,
    ],
  ])("trustsPrincipal: %s -> %s", (_, doc, expected) => {
    expect(trustsPrincipal(doc, me)).toBe(expected);
  });
});
