// Deeply nested JSON in a policy document is MalformedPolicyDocument, never a ServiceFailure from a
// stack overflow (issue 11, item 10). Driven by the real @aws-sdk/client-iam.
import {
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  CreateUserCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAws, type LocalAwsFixture } from "../testing/local-aws-fixture";
import { rejection } from "../testing/rejection";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
// 60,000 levels: within IAM's 131,072-character PolicyDocument limit, far beyond any stack.
const DEEP = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"s3:prefix":${"[".repeat(60_000)}"x"${"]".repeat(60_000)}}}}]}`;
const DEEP_OBJECTS = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":${'{"a":'.repeat(20_000)}"x"${"}".repeat(20_000)}}]}`;
const DEEP_TRUST = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":${"[".repeat(60_000)}"1"${"]".repeat(60_000)}}}}]}`;

describe("local IAM refuses deeply nested policy documents", () => {
  let f: LocalAwsFixture;
  let policyArn: string;
  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
    await f.iam.send(new CreateRoleCommand({ RoleName: "holder", AssumeRolePolicyDocument: TRUST }));
    await f.iam.send(new CreateUserCommand({ UserName: "someone" }));
    const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    policyArn = (await f.iam.send(new CreatePolicyCommand({ PolicyName: "plain", PolicyDocument: doc }))).Policy!.Arn!;
  });
  afterAll(() => f?.stop());

  it.each([
    ["CreatePolicy (arrays)", () => new CreatePolicyCommand({ PolicyName: "deep", PolicyDocument: DEEP })],
    ["CreatePolicy (objects)", () => new CreatePolicyCommand({ PolicyName: "deep", PolicyDocument: DEEP_OBJECTS })],
    ["CreatePolicyVersion", () => new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: DEEP })],
    ["PutRolePolicy", () => new PutRolePolicyCommand({ RoleName: "holder", PolicyName: "deep", PolicyDocument: DEEP })],
    ["PutUserPolicy", () => new PutUserPolicyCommand({ UserName: "someone", PolicyName: "deep", PolicyDocument: DEEP })],
    ["CreateRole's trust policy", () => new CreateRoleCommand({ RoleName: "deep", AssumeRolePolicyDocument: DEEP_TRUST })],
  ])("%s answers MalformedPolicyDocument", async (_, command) => {
    const e = await rejection(f.iam.send(command() as never));
    expect(e).toMatchObject({ name: "MalformedPolicyDocumentException", status: 400 });
    expect(e.message).toMatch(/levels deep/);
  });
});
