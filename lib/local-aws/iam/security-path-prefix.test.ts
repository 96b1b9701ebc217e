// IAM's PathPrefix is a literal prefix: `%`, `_` and `\` are valid path characters, never SQL LIKE
// wildcards (issue 11, item 11). Driven by the real @aws-sdk/client-iam on PGlite and PostgreSQL.
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  ListAttachedRolePoliciesCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAws, type LocalAwsFixture } from "../testing/local-aws-fixture";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" }] });

// Each path gets one role, one user and one policy named after it.
const PATHS: [string, string][] = [
  ["abc", "/abc/"],
  ["underscore", "/a_c/"],
  ["percent", "/100%/"],
  ["digits", "/100x/"],
  ["backslash", "/b\\c/"],
  ["bxc", "/bxc/"],
];

const CASES: [string, string, string[]][] = [
  ["an underscore", "/a_c/", ["underscore"]],
  ["a percent sign", "/100%/", ["percent"]],
  ["a lone percent sign", "/%", []],
  ["a lone underscore", "/_", []],
  ["a backslash", "/b\\c", ["backslash"]],
  ["a plain prefix", "/100", ["digits", "percent"]],
];

describe.each(["pglite", "postgres"] as const)("IAM PathPrefix is literal (%s)", (kind) => {
  let f: LocalAwsFixture;
  beforeAll(async () => {
    f = await startLocalAws({ kind });
    await f.iam.send(new CreateRoleCommand({ RoleName: "holder", AssumeRolePolicyDocument: TRUST }));
    for (const [name, path] of PATHS) {
      await f.iam.send(new CreateRoleCommand({ RoleName: `role-${name}`, Path: path, AssumeRolePolicyDocument: TRUST }));
      await f.iam.send(new CreateUserCommand({ UserName: `user-${name}`, Path: path }));
      const { Policy } = await f.iam.send(new CreatePolicyCommand({ PolicyName: `policy-${name}`, Path: path, PolicyDocument: POLICY }));
      await f.iam.send(new AttachRolePolicyCommand({ RoleName: "holder", PolicyArn: Policy!.Arn }));
    }
  });
  afterAll(() => f?.stop());

  it.each(CASES)("ListRoles, ListUsers, ListPolicies and ListAttachedRolePolicies with %s", async (_, prefix, expected) => {
    const roles = await f.iam.send(new ListRolesCommand({ PathPrefix: prefix }));
    expect(roles.Roles!.map((r) => r.RoleName).sort()).toEqual(expected.map((n) => `role-${n}`).sort());
    const users = await f.iam.send(new ListUsersCommand({ PathPrefix: prefix }));
    expect(users.Users!.map((u) => u.UserName).sort()).toEqual(expected.map((n) => `user-${n}`).sort());
    const policies = await f.iam.send(new ListPoliciesCommand({ PathPrefix: prefix, Scope: "Local" }));
    expect(policies.Policies!.map((p) => p.PolicyName).sort()).toEqual(expected.map((n) => `policy-${n}`).sort());
    const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "holder", PathPrefix: prefix }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyName).sort()).toEqual(expected.map((n) => `policy-${n}`).sort());
  });
});
