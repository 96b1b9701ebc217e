import { describe, expect, it } from "vitest";
import { summarizePolicy } from "./summarize-policy";

describe("summarizePolicy (real IAM catalog)", () => {
  it("groups by service and access level with resources and condition keys", () => {
    const rows = summarizePolicy({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "arn:aws:s3:::b/*" },
        {
          Effect: "Allow",
          Action: "s3:PutObject",
          Resource: ["arn:aws:s3:::b/*"],
          Condition: { StringEquals: { "s3:x-amz-acl": "private" } },
        },
        { Effect: "Allow", Action: "sts:GetCallerIdentity", Resource: "*" },
      ],
    });
    expect(rows.map((r) => [r.service, r.accessLevel, r.actions])).toEqual([
      ["s3", "List", ["s3:ListBucket"]],
      ["s3", "Read", ["s3:GetObject"]],
      ["s3", "Write", ["s3:PutObject"]],
      ["sts", "Read", ["sts:GetCallerIdentity"]],
    ]);
    expect(rows[2].conditions).toEqual(["s3:x-amz-acl (StringEquals)"]);
    expect(rows[1].resources).toEqual(["arn:aws:s3:::b/*"]);
  });

  it("expands wildcards through the catalog and marks denies and unknown actions", () => {
    const rows = summarizePolicy({
      Statement: [
        { Effect: "Allow", Action: "sqs:Get*", Resource: "*" },
        { Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" },
        { Effect: "Allow", Action: "nosuch:Thing", Resource: "*" },
      ],
    });
    expect(rows.find((r) => r.service === "sqs")?.actions).toContain("sqs:GetQueueUrl");
    expect(rows.find((r) => r.service === "s3")?.accessLevel).toBe("Deny Write");
    expect(rows.find((r) => r.service === "nosuch")?.accessLevel).toBe("Unknown");
  });

  it("survives documents that are not policies", () => {
    expect(summarizePolicy(null)).toEqual([]);
    expect(summarizePolicy({ Statement: 5 })).toEqual([]);
  });
});
