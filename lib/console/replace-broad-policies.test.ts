// Replace and Undo against the local account over HTTP (a fault injected at the endpoint for the
// failure half-way), on PGlite and PostgreSQL, and the same use cases through the "aws" account mode
// (plain SDK clients with AWS_ENDPOINT_URL_IAM) pointed at the same endpoint.
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  AttachUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListRolePoliciesCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  TagPolicyCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { deleteManagedPolicy } from "@/lib/iam/delete-managed-policy";
import { detachManagedPolicy } from "@/lib/iam/detach-managed-policy";
import { getManagedPolicy } from "@/lib/iam/get-managed-policy";
import { getDb } from "@/lib/db";
import { resetInternalCredential } from "@/lib/local-aws/internal-credential";
import { startLocalAws, type LocalAwsFixture } from "@/lib/local-aws/testing/local-aws-fixture";
import { listPolicyReplacements } from "./list-policy-replacements";
import { replaceBroadPolicies } from "./replace-broad-policies";
import { undoPolicyReplacement } from "./undo-policy-replacement";

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const doc = (action: string | string[], resource = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe.each([
  ["pglite", "local"],
  ["postgres", "local"],
  ["pglite", "aws"],
] as const)("Replace and Undo (%s, %s account mode)", (kind, mode) => {
  let f: LocalAwsFixture;
  let account: string;
  const faults = { failAction: "" };
  const arn = (what: string) => `arn:aws:iam::${account}:${what}`;

  async function role(name: string) {
    const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
    const inline = await f.iam.send(new ListRolePoliciesCommand({ RoleName: name }));
    return { managed: (attached.AttachedPolicies ?? []).map((p) => p.PolicyName).sort(), inline: inline.PolicyNames ?? [] };
  }

  beforeAll(async () => {
    f = await startLocalAws({
      kind,
      wrap: (handler) => async (req) => {
        if (faults.failAction && (await req.clone().text()).includes(`Action=${faults.failAction}&`)) {
          return new Response(
            "<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>injected</Message></Error><RequestId>x</RequestId></ErrorResponse>",
            { status: 500 },
          );
        }
        return handler(req);
      },
    });
    if (mode === "local") process.env.LEASTWISE_LOCAL_AWS_URL = f.server.origin;
    else {
      Object.assign(process.env, {
        LEASTWISE_ACCOUNT_MODE: "aws",
        AWS_ENDPOINT_URL_IAM: `${f.server.origin}/local-aws/iam`,
        AWS_ACCESS_KEY_ID: f.credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: f.credentials.secretAccessKey,
        AWS_REGION: "us-east-1",
        AWS_MAX_ATTEMPTS: "1",
      });
    }
    resetEnvCache();
    resetInternalCredential(); // a new database: the previous fixture's key is gone
    const r = await f.iam.send(new CreateRoleCommand({ RoleName: "app", AssumeRolePolicyDocument: trust }));
    account = r.Role!.Arn!.split(":")[4];
    for (const [name, action] of [
      ["broad", ["s3:*", "sqs:*"]],
      ["also-broad", ["kms:*"]],
      ["least", ["s3:GetObject"]],
    ] as const) {
      await f.iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: doc([...action]) }));
    }
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "app", PolicyArn: arn("policy/broad") }));
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "app", PolicyArn: arn("policy/also-broad") }));
    await f.iam.send(
      new PutRolePolicyCommand({ RoleName: "app", PolicyName: "legacy", PolicyDocument: doc("sqs:*", "arn:aws:sqs:*:*:legacy-*") }),
    );
  });
  afterAll(() => f?.stop());

  it("attaches the new policy first, detaches and deletes, and records who, when, what and the previous attachments", async () => {
    const done = await replaceBroadPolicies({
      entityArn: arn("role/app"),
      keepPolicyArns: [arn("policy/least")],
      detachPolicyArns: [arn("policy/broad"), arn("policy/also-broad")],
      deleteInlineNames: ["legacy"],
      actor: "admin-1",
    });
    expect(done.attached).toEqual([arn("policy/least")]);
    expect(done.detached.map((d) => d.name)).toEqual(["broad", "also-broad"]);
    expect(done.deletedInline.map((d) => d.name)).toEqual(["legacy"]);
    expect(await role("app")).toEqual({ managed: ["least"], inline: [] });
    const [audit] = await listPolicyReplacements({ principalArn: arn("role/app") });
    expect(audit).toMatchObject({
      id: done.replacementId,
      actor: "admin-1",
      status: "DONE",
      keptPolicyArns: [arn("policy/least")],
      detached: [
        { name: "broad", arn: arn("policy/broad") },
        { name: "also-broad", arn: arn("policy/also-broad") },
      ],
      deletedInline: ["legacy"],
      previous: {
        managed: [
          { name: "also-broad", arn: arn("policy/also-broad") },
          { name: "broad", arn: arn("policy/broad") },
        ],
        inline: ["legacy"],
      },
    });
    expect(Date.now() - Date.parse(audit.createdAt)).toBeLessThan(60_000);
  });

  it("Undo re-attaches exactly what was detached and re-creates the inline policy with its document, once", async () => {
    const [audit] = await listPolicyReplacements({ principalArn: arn("role/app") });
    await undoPolicyReplacement({ replacementId: audit.id, actor: "admin-2" });
    expect(await role("app")).toEqual({ managed: ["also-broad", "broad", "least"], inline: ["legacy"] });
    const inline = await f.iam.send(new GetRolePolicyCommand({ RoleName: "app", PolicyName: "legacy" }));
    expect(JSON.parse(decodeURIComponent(inline.PolicyDocument!))).toEqual(JSON.parse(doc("sqs:*", "arn:aws:sqs:*:*:legacy-*")));
    const [after] = await listPolicyReplacements({ principalArn: arn("role/app") });
    expect(after).toMatchObject({ status: "UNDONE", undoneBy: "admin-2" });
    const again = await failure(undoPolicyReplacement({ replacementId: audit.id, actor: "admin-2" }));
    expect(again.code).toBe("CONFLICT");
    expect(again.userMessage).toMatch(/already undone by admin-2/);
  });

  it("a failure half-way puts back what was removed: the entity keeps at least its permissions", async () => {
    faults.failAction = "DeleteRolePolicy";
    const error = await failure(
      replaceBroadPolicies({
        entityArn: arn("role/app"),
        keepPolicyArns: [arn("policy/least")],
        detachPolicyArns: [arn("policy/broad")],
        deleteInlineNames: ["legacy"],
        actor: "admin-1",
      }),
    );
    faults.failAction = "";
    expect(error.userMessage).toMatch(/delete the inline policy "legacy"/);
    expect(error.userMessage).toMatch(/was put back: broad/);
    expect(await role("app")).toEqual({ managed: ["also-broad", "broad", "least"], inline: ["legacy"] });
    const [audit] = await listPolicyReplacements({ principalArn: arn("role/app") });
    expect(audit.status).toBe("FAILED");
    expect(audit.error).toMatch(/legacy/);
  });

  it("a failed attach of the new policy changes nothing", async () => {
    faults.failAction = "AttachUserPolicy";
    await f.iam.send(new CreateUserCommand({ UserName: "dana" }));
    faults.failAction = "";
    await f.iam.send(new AttachUserPolicyCommand({ UserName: "dana", PolicyArn: arn("policy/broad") }));
    faults.failAction = "AttachUserPolicy";
    const error = await failure(
      replaceBroadPolicies({
        entityArn: arn("user/dana"),
        keepPolicyArns: [arn("policy/least")],
        detachPolicyArns: [arn("policy/broad")],
        deleteInlineNames: [],
        actor: "a",
      }),
    );
    faults.failAction = "";
    expect(error.userMessage).toMatch(/Nothing was detached or deleted/);
    const attached = await f.iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dana" }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(["broad"]);
  });

  it.each([
    ["no replacement", { keepPolicyArns: [], detachPolicyArns: ["x"], deleteInlineNames: [] }, /without a replacement/],
    ["nothing to remove", { keepPolicyArns: ["k"], detachPolicyArns: [], deleteInlineNames: [] }, /at least one/],
    [
      "a policy not attached",
      { keepPolicyArns: ["POLICY/least"], detachPolicyArns: ["POLICY/nope"], deleteInlineNames: [] },
      /is not attached to app/,
    ],
    [
      "an unknown inline policy",
      { keepPolicyArns: ["POLICY/least"], detachPolicyArns: [], deleteInlineNames: ["nope"] },
      /no inline policy named "nope"/,
    ],
    [
      "kept and detached",
      { keepPolicyArns: ["POLICY/least"], detachPolicyArns: ["POLICY/least"], deleteInlineNames: [] },
      /both kept and detached/,
    ],
  ])("refuses %s with a clear message and changes nothing", async (_what, o, message) => {
    const fix = (list: string[]) => list.map((s) => s.replace("POLICY/", arn("policy/")));
    const before = await role("app");
    const error = await failure(
      replaceBroadPolicies({
        entityArn: arn("role/app"),
        keepPolicyArns: fix(o.keepPolicyArns),
        detachPolicyArns: fix(o.detachPolicyArns),
        deleteInlineNames: o.deleteInlineNames,
        actor: "a",
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.userMessage).toMatch(message);
    expect(await role("app")).toEqual(before);
  });

  it("the policy page: versions, tags, attached entities; delete refused while attached; detach, then delete with its versions", async () => {
    const p = arn("policy/broad");
    await f.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p, PolicyDocument: doc("s3:*"), SetAsDefault: true }));
    await f.iam.send(new TagPolicyCommand({ PolicyArn: p, Tags: [{ Key: "team", Value: "pay" }] }));
    const detail = await getManagedPolicy({ arn: p });
    expect(detail.versions.map((v) => [v.versionId, v.isDefault]).sort()).toEqual([
      ["v1", false],
      ["v2", true],
    ]);
    expect(detail.tags).toEqual([{ key: "team", value: "pay" }]);
    expect(detail.attachedTo).toEqual([
      { kind: "role", name: "app" },
      { kind: "user", name: "dana" },
    ]);
    const refused = await failure(deleteManagedPolicy({ arn: p }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.userMessage).toMatch(/attached to 2 entities.*Detach it/);
    await detachManagedPolicy({ entityArn: arn("role/app"), policyArn: p });
    await detachManagedPolicy({ entityArn: arn("user/dana"), policyArn: p });
    expect((await getManagedPolicy({ arn: p })).attachedTo).toEqual([]);
    expect(await deleteManagedPolicy({ arn: p })).toEqual({ deleted: "broad", versionsDeleted: 1 });
    expect((await failure(getManagedPolicy({ arn: p }))).code).toBe("NOT_FOUND");
    expect((await failure(deleteManagedPolicy({ arn: "arn:aws:iam::aws:policy/AdministratorAccess" }))).userMessage).toMatch(
      /AWS managed policies cannot be deleted/,
    );
  });

  it("keeps the audit rows in the database table", async () => {
    const db = await getDb();
    expect(await db.policyReplacement.count({ where: { principalArn: arn("role/app") } })).toBeGreaterThanOrEqual(3);
  });
});
