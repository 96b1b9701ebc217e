// The policy-as-code outputs, parsed back with real parsers: HashiCorp's HCL (hcl2-parser) and YAML
// (yaml); each must carry exactly the policy documents, split like Create splits them.
import { describe, expect, it } from "vitest";
import { parseToObject } from "hcl2-parser";
import { parse as parseYaml } from "yaml";
import { splitPolicyDocument } from "@/lib/core/policy-split";
import { policyAsCode, type PolicyCodeInput } from "./policy-as-code";

const small = {
  Version: "2012-10-17",
  Statement: [
    { Sid: "S3", Effect: "Allow", Action: ["s3:GetObject"], Resource: "arn:aws:s3:::app-assets/${aws:username}/*" },
    {
      Effect: "Allow",
      Action: "sqs:SendMessage",
      Resource: "arn:aws:sqs:us-east-1:123456789012:jobs",
      Condition: { StringEquals: { "aws:RequestTag/team": 'pay"ments %{x}' } },
    },
  ],
};
// Over 6,144 characters: split into several parts.
const big = {
  Version: "2012-10-17",
  Statement: Array.from({ length: 40 }, (_, i) => ({
    Sid: `Part${i}`,
    Effect: "Allow",
    Action: [`s3:GetObject`],
    Resource: Array.from({ length: 4 }, (_, j) => `arn:aws:s3:::bucket-number-${i}-${j}/some/long/prefix/*`),
  })),
};

type Tf = {
  resource: Record<
    string,
    Record<
      string,
      {
        name: string;
        path: string;
        description?: string;
        policy: string;
        tags?: Record<string, string>;
        role?: string;
        user?: string;
        policy_arn?: string;
      }[]
    >
  >;
};

function tf(text: string): Tf {
  const [parsed, error] = parseToObject(text) as [Tf[] | Tf, unknown];
  expect(error).toBeNull();
  return (Array.isArray(parsed) ? parsed[0] : parsed) as Tf;
}

const cases: [string, PolicyCodeInput, object[]][] = [
  [
    "a role, one policy",
    {
      text: JSON.stringify(small),
      name: "app-backend-least",
      description: 'Generated "by" Leastwise ${not} interpolated',
      tags: [{ key: "team", value: "pay" }],
      attachTo: { kind: "role", name: "app-backend" },
    },
    [small],
  ],
  [
    "a user, a split policy",
    { text: JSON.stringify(big), name: "9lives", attachTo: { kind: "user", name: "alice" } },
    splitPolicyDocument(big),
  ],
  ["no attachment, not split", { text: JSON.stringify(big), name: "existing", split: false }, [big]],
];

describe("policyAsCode", () => {
  it("the big fixture really splits", () => {
    expect(splitPolicyDocument(big).length).toBeGreaterThan(1);
  });

  it.each(cases)("Terraform parses with HCL and carries the documents (%s)", (_what, input, docs) => {
    const out = policyAsCode("terraform", input);
    expect(out.fileName).toMatch(/\.tf$/);
    const parsed = tf(out.text);
    const policies = Object.values(parsed.resource.aws_iam_policy).map((list) => list[0]);
    expect(policies.map((p) => p.name)).toEqual(out.names);
    expect(out.names).toEqual(docs.length === 1 ? [input.name] : docs.map((_, i) => `${input.name}-${i + 1}`));
    expect(policies.map((p) => JSON.parse(p.policy))).toEqual(docs);
    if (input.description) expect(policies[0].description).toBe(input.description);
    if (input.tags) expect(policies[0].tags).toEqual({ team: "pay" });
    const attachType = input.attachTo ? `aws_iam_${input.attachTo.kind}_policy_attachment` : null;
    if (attachType) {
      const attachments = Object.entries(parsed.resource[attachType]);
      expect(attachments).toHaveLength(docs.length);
      for (const [id, [a]] of attachments) {
        expect(a[input.attachTo!.kind]).toBe(input.attachTo!.name);
        expect(a.policy_arn).toBe(`\${aws_iam_policy.${id}.arn}`);
        expect(parsed.resource.aws_iam_policy[id]).toBeDefined();
      }
    } else {
      expect(Object.keys(parsed.resource)).toEqual(["aws_iam_policy"]);
    }
  });

  it.each(cases)("CloudFormation parses as YAML with AWS::IAM::ManagedPolicy resources (%s)", (_what, input, docs) => {
    const out = policyAsCode("cloudformation", input);
    const t = parseYaml(out.text) as {
      AWSTemplateFormatVersion: string;
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    expect(t.AWSTemplateFormatVersion).toBe("2010-09-09");
    const resources = Object.entries(t.Resources);
    expect(resources.map(([id]) => id).every((id) => /^[A-Za-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(resources.map(([, r]) => r.Type)).toEqual(docs.map(() => "AWS::IAM::ManagedPolicy"));
    expect(resources.map(([, r]) => r.Properties.ManagedPolicyName)).toEqual(out.names);
    expect(resources.map(([, r]) => r.Properties.PolicyDocument)).toEqual(docs);
    if (input.attachTo)
      expect(resources[0][1].Properties[input.attachTo.kind === "role" ? "Roles" : "Users"]).toEqual([input.attachTo.name]);
  });

  it.each(cases)("JSON is the document, or the parts by name (%s)", (_what, input, docs) => {
    const parsed = JSON.parse(policyAsCode("json", input).text);
    expect(docs.length === 1 ? parsed : Object.values(parsed)).toEqual(docs.length === 1 ? docs[0] : docs);
  });

  it("refuses text that is not JSON", () => {
    expect(() => policyAsCode("terraform", { text: "{", name: "x" })).toThrow();
  });
});
