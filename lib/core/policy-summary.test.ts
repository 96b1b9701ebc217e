import { describe, expect, it } from "vitest";
import { summarizePolicy } from "./policy-summary";

describe("summarizePolicy", () => {
  it("summarizes services, access levels, resources and conditions per statement", () => {
    const summary = summarizePolicy(
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "A",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "iam:ListRoles"],
            Resource: "arn:aws:s3:::${BucketName}/${ObjectName}",
          },
          {
            Effect: "Deny",
            NotAction: "iam:*",
            Resource: "*",
            Condition: { StringEquals: { "aws:RequestedRegion": ["eu-west-1", "eu-west-3"] } },
          },
        ],
      }),
    );
    expect(summary[0]).toMatchObject({
      index: 0,
      sid: "A",
      effect: "Allow",
      notAction: false,
      resources: ["arn:aws:s3:::${BucketName}/${ObjectName}"],
      hasPlaceholders: true,
      conditions: [],
    });
    expect(summary[0].services).toEqual([
      { service: "iam", serviceName: expect.any(String), actions: ["iam:ListRoles"], actionCount: 1, accessLevels: ["List"] },
      {
        service: "s3",
        serviceName: expect.any(String),
        actions: ["s3:GetObject", "s3:PutObject"],
        actionCount: 2,
        accessLevels: ["Read", "Write"],
      },
    ]);
    expect(summary[1]).toMatchObject({
      effect: "Deny",
      notAction: true,
      hasPlaceholders: false,
      conditions: [{ operator: "StringEquals", key: "aws:RequestedRegion", values: ["eu-west-1", "eu-west-3"] }],
    });
    expect(summary[1].services[0].actionCount).toBeGreaterThan(100);
    expect(summary[1].services[0].accessLevels).toEqual(["List", "Read", "Write", "Permissions management", "Tagging"]);
  });

  it.each([
    [{ Statement: { Effect: "Allow", Action: "*", Resource: "*" } }, 1],
    [{ Statement: [] }, 0],
    [{}, 0],
  ])("%j has %i statements", (doc, n) => expect(summarizePolicy(doc)).toHaveLength(n));
});
