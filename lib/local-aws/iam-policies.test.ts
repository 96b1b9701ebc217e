// Managed policies, versions, attachments and inline policies through the real @aws-sdk/client-iam,
// with every IAM error Leastwise relies on: MalformedPolicyDocument, LimitExceeded (size, versions,
// attachments), EntityAlreadyExists, NoSuchEntity, DeleteConflict.
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  GetUserCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UntagPolicyCommand,
  UntagUserCommand,
  DeletePolicyVersionCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";
import { rejection } from "./testing/rejection";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});
const policy = (actions: string[], resource: string | string[] = "*") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: resource }] });

describe.each(["pglite", "postgres"] as const)("local IAM managed and inline policies (%s)", (kind) => {
  let f: LocalAwsFixture;
  let account: string;
  const arn = (name: string, path = "/") => `arn:aws:iam::${account}:policy${path}${name}`;

  beforeAll(async () => {
    f = await startLocalAws({ kind });
    account = (await f.sts.send(new GetCallerIdentityCommand({}))).Account!;
    await f.iam.send(new CreateRoleCommand({ RoleName: "worker", AssumeRolePolicyDocument: TRUST }));
    await f.iam.send(new CreateUserCommand({ UserName: "dev" }));
  });
  afterAll(() => f?.stop());

  it("creates a managed policy with path, description and tags, and reads its document", async () => {
    const doc = policy(["s3:GetObject", "s3:ListBucket"], ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]);
    const out = await f.iam.send(
      new CreatePolicyCommand({
        PolicyName: "reader",
        Path: "/team/",
        PolicyDocument: doc,
        Description: "reads the bucket",
        Tags: [{ Key: "owner", Value: "me" }],
      }),
    );
    expect(out.Policy).toMatchObject({
      PolicyName: "reader",
      Arn: arn("reader", "/team/"),
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect(out.Policy?.PolicyId).toMatch(/^ANPA/);
    const got = await f.iam.send(new GetPolicyCommand({ PolicyArn: arn("reader", "/team/") }));
    expect(got.Policy).toMatchObject({ Description: "reads the bucket", Tags: [{ Key: "owner", Value: "me" }], Path: "/team/" });
    const version = await f.iam.send(new GetPolicyVersionCommand({ PolicyArn: arn("reader", "/team/"), VersionId: "v1" }));
    expect(decodeURIComponent(version.PolicyVersion!.Document!)).toBe(doc);
    expect(version.PolicyVersion?.IsDefaultVersion).toBe(true);
  });

  it("refuses a duplicate policy name, whatever the path or case", async () => {
    const e = await rejection(f.iam.send(new CreatePolicyCommand({ PolicyName: "READER", PolicyDocument: policy(["s3:GetObject"]) })));
    expect(e).toMatchObject({
      name: "EntityAlreadyExistsException",
      status: 409,
      message: "A policy called READER already exists. Duplicate names are not allowed.",
    });
  });

  it.each([
    ["invalid JSON", '{"Version": "2012-10-17", "Statement": [', /Invalid JSON/],
    ["an unknown action", policy(["s3:GetObjectz"]), /not an action of s3/],
    ["an unknown service", policy(["nosuchservice:Get"]), /nosuchservice/],
    ["a malformed resource ARN", policy(["s3:GetObject"], "arn:aws:s3"), /not an ARN/],
    ["placeholders left in", policy(["s3:GetObject"], "arn:${Partition}:s3:::${BucketName}/*"), /placeholders/],
  ])("refuses %s with MalformedPolicyDocument", async (_, doc, message) => {
    const e = await rejection(f.iam.send(new CreatePolicyCommand({ PolicyName: "bad-doc", PolicyDocument: doc })));
    expect(e).toMatchObject({ name: "MalformedPolicyDocumentException", status: 400 });
    expect(e.message).toMatch(message);
  });

  it("counts the 6,144-character limit without white space", async () => {
    const resources = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${String(i).padStart(4, "0")}/*`);
    const compact = (n: number) =>
      JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resources(n) }] });
    let n = 1;
    while (compact(n + 1).length <= 6144) n++;
    expect(compact(n).length).toBeLessThanOrEqual(6144);
    // Pretty-printing adds thousands of white-space characters that IAM does not count.
    const pretty = JSON.stringify(JSON.parse(compact(n)), null, 8);
    expect(pretty.length).toBeGreaterThan(6144);
    await f.iam.send(new CreatePolicyCommand({ PolicyName: "just-fits", PolicyDocument: pretty }));
    const e = await rejection(f.iam.send(new CreatePolicyCommand({ PolicyName: "too-long", PolicyDocument: compact(n + 1) })));
    expect(e).toMatchObject({ name: "LimitExceededException", status: 409, message: "Cannot exceed quota for PolicySize: 6144" });
  });

  it("keeps at most five versions and manages the default", async () => {
    const p = arn("reader", "/team/");
    for (let i = 2; i <= 5; i++) {
      const out = await f.iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: p, PolicyDocument: policy(["s3:GetObject"]), SetAsDefault: i === 3 }),
      );
      expect(out.PolicyVersion?.VersionId).toBe(`v${i}`);
    }
    expect((await f.iam.send(new GetPolicyCommand({ PolicyArn: p }))).Policy?.DefaultVersionId).toBe("v3");
    const sixth = await rejection(f.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p, PolicyDocument: policy(["s3:GetObject"]) })));
    expect(sixth).toMatchObject({ name: "LimitExceededException", status: 409 });
    expect(sixth.message).toMatch(/up to 5 versions/);
    expect(await rejection(f.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p, VersionId: "v3" })))).toMatchObject({
      name: "DeleteConflictException",
      status: 409,
    });
    await f.iam.send(new DeletePolicyVersionCommand({ PolicyArn: p, VersionId: "v2" }));
    await f.iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: p, VersionId: "v5" }));
    const versions = await f.iam.send(new ListPolicyVersionsCommand({ PolicyArn: p }));
    expect(versions.Versions?.map((v) => `${v.VersionId}${v.IsDefaultVersion ? "*" : ""}`).sort()).toEqual(["v1", "v3", "v4", "v5*"]);
    const next = await f.iam.send(new CreatePolicyVersionCommand({ PolicyArn: p, PolicyDocument: policy(["s3:ListBucket"]) }));
    expect(next.PolicyVersion?.VersionId).toBe("v6");
    expect(await rejection(f.iam.send(new GetPolicyVersionCommand({ PolicyArn: p, VersionId: "v2" })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
    const e = await rejection(f.iam.send(new DeletePolicyCommand({ PolicyArn: p })));
    expect(e).toMatchObject({ name: "DeleteConflictException", status: 409 });
    expect(e.message).toMatch(/more than one version/);
  });

  it("attaches and detaches policies on roles and users, idempotently", async () => {
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("just-fits") }));
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("just-fits") }));
    await f.iam.send(new AttachUserPolicyCommand({ UserName: "dev", PolicyArn: arn("just-fits") }));
    const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "worker" }));
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: "just-fits", PolicyArn: arn("just-fits") }]);
    expect((await f.iam.send(new ListAttachedUserPoliciesCommand({ UserName: "dev" }))).AttachedPolicies).toHaveLength(1);
    expect((await f.iam.send(new GetPolicyCommand({ PolicyArn: arn("just-fits") }))).Policy?.AttachmentCount).toBe(2);
    const entities = await f.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn("just-fits") }));
    expect(entities.PolicyRoles?.map((r) => r.RoleName)).toEqual(["worker"]);
    expect(entities.PolicyUsers?.map((u) => u.UserName)).toEqual(["dev"]);
    const onlyAttached = await f.iam.send(new ListPoliciesCommand({ Scope: "Local", OnlyAttached: true }));
    expect(onlyAttached.Policies?.map((p) => p.PolicyName)).toEqual(["just-fits"]);

    expect(await rejection(f.iam.send(new DeletePolicyCommand({ PolicyArn: arn("just-fits") })))).toMatchObject({
      name: "DeleteConflictException",
      status: 409,
    });
    expect(await rejection(f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("ghost") })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
    expect(await rejection(f.iam.send(new AttachRolePolicyCommand({ RoleName: "ghost", PolicyArn: arn("just-fits") })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
    expect(
      await rejection(
        f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: "arn:aws:iam::123456789012:role/not-a-policy" })),
      ),
    ).toMatchObject({ name: "InvalidInputException", status: 400 });

    await f.iam.send(new DetachUserPolicyCommand({ UserName: "dev", PolicyArn: arn("just-fits") }));
    expect(await rejection(f.iam.send(new DetachUserPolicyCommand({ UserName: "dev", PolicyArn: arn("just-fits") })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
  });

  it("refuses the eleventh managed policy on a role with LimitExceeded", async () => {
    for (let i = 1; i <= 10; i++) {
      await f.iam.send(new CreatePolicyCommand({ PolicyName: `limit-${i}`, PolicyDocument: policy(["sqs:SendMessage"]) }));
    }
    // worker already has just-fits attached: nine more fill the quota of ten
    for (let i = 1; i <= 9; i++) await f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn(`limit-${i}`) }));
    const e = await rejection(f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("limit-10") })));
    expect(e).toMatchObject({ name: "LimitExceededException", status: 409, message: "Cannot exceed quota for PoliciesPerRole: 10" });
    await f.iam.send(new DetachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("limit-9") }));
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: arn("limit-10") }));
    const page = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "worker", MaxItems: 4 }));
    expect(page.AttachedPolicies).toHaveLength(4);
    expect(page.IsTruncated).toBe(true);
  });

  // On PostgreSQL the requests really run concurrently (PGlite serializes them).
  it("keeps the quota when attaches race", async () => {
    await f.iam.send(new CreateRoleCommand({ RoleName: "racer", AssumeRolePolicyDocument: TRUST }));
    const arns = [...Array.from({ length: 10 }, (_, i) => arn(`limit-${i + 1}`)), arn("just-fits"), arn("reader", "/team/")];
    const results = await Promise.allSettled(
      arns.map((PolicyArn) => f.iam.send(new AttachRolePolicyCommand({ RoleName: "racer", PolicyArn }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.name)).toEqual([
      "LimitExceededException",
      "LimitExceededException",
    ]);
    expect((await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "racer" }))).AttachedPolicies).toHaveLength(10);
    for (const PolicyArn of arns) await f.iam.send(new DetachRolePolicyCommand({ RoleName: "racer", PolicyArn })).catch(() => undefined);
  });

  it("pages policies with long paths", async () => {
    const path = `/${"p".repeat(200)}/${"q".repeat(200)}/`;
    for (const name of ["long-a", "long-b", "long-c"])
      await f.iam.send(new CreatePolicyCommand({ PolicyName: name, Path: path, PolicyDocument: policy(["s3:GetObject"]) }));
    const first = await f.iam.send(new ListPoliciesCommand({ PathPrefix: path, MaxItems: 2 }));
    const second = await f.iam.send(new ListPoliciesCommand({ PathPrefix: path, MaxItems: 2, Marker: first.Marker }));
    expect([...first.Policies!, ...second.Policies!].map((p) => p.PolicyName)).toEqual(["long-a", "long-b", "long-c"]);
    expect(second.IsTruncated).toBe(false);
  });

  it("puts, reads, lists and deletes inline policies", async () => {
    const doc = policy(["dynamodb:GetItem"], "arn:aws:dynamodb:us-east-1:123456789012:table/orders");
    await f.iam.send(new PutRolePolicyCommand({ RoleName: "worker", PolicyName: "orders-read", PolicyDocument: doc }));
    await f.iam.send(new PutUserPolicyCommand({ UserName: "dev", PolicyName: "orders-read", PolicyDocument: doc }));
    const got = await f.iam.send(new GetRolePolicyCommand({ RoleName: "worker", PolicyName: "orders-read" }));
    expect(got).toMatchObject({ RoleName: "worker", PolicyName: "orders-read" });
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);
    expect((await f.iam.send(new GetUserPolicyCommand({ UserName: "dev", PolicyName: "orders-read" }))).UserName).toBe("dev");
    expect((await f.iam.send(new ListRolePoliciesCommand({ RoleName: "worker" }))).PolicyNames).toEqual(["orders-read"]);
    expect((await f.iam.send(new ListUserPoliciesCommand({ UserName: "dev" }))).PolicyNames).toEqual(["orders-read"]);
    expect(
      await rejection(f.iam.send(new PutRolePolicyCommand({ RoleName: "worker", PolicyName: "bad", PolicyDocument: policy(["s3:Nope"]) }))),
    ).toMatchObject({
      name: "MalformedPolicyDocumentException",
    });
    await f.iam.send(new DeleteRolePolicyCommand({ RoleName: "worker", PolicyName: "orders-read" }));
    expect(await rejection(f.iam.send(new GetRolePolicyCommand({ RoleName: "worker", PolicyName: "orders-read" })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
  });

  it("applies a configured attachment quota to users", async () => {
    process.env.LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES = "2";
    resetEnvCache();
    try {
      await f.iam.send(new CreateUserCommand({ UserName: "quota-user" }));
      await f.iam.send(new AttachUserPolicyCommand({ UserName: "quota-user", PolicyArn: arn("limit-1") }));
      await f.iam.send(new AttachUserPolicyCommand({ UserName: "quota-user", PolicyArn: arn("limit-2") }));
      const e = await rejection(f.iam.send(new AttachUserPolicyCommand({ UserName: "quota-user", PolicyArn: arn("limit-3") })));
      expect(e).toMatchObject({ name: "LimitExceededException", status: 409, message: "Cannot exceed quota for PoliciesPerUser: 2" });
    } finally {
      delete process.env.LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES;
      resetEnvCache();
    }
  });

  it("cleans up: untag, delete inline user policies, detach, delete policies and users", async () => {
    await f.iam.send(
      new TagUserCommand({
        UserName: "quota-user",
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    await f.iam.send(new UntagUserCommand({ UserName: "quota-user", TagKeys: ["A"] }));
    expect((await f.iam.send(new ListUserTagsCommand({ UserName: "quota-user" }))).Tags).toEqual([{ Key: "b", Value: "2" }]);
    await f.iam.send(new PutUserPolicyCommand({ UserName: "quota-user", PolicyName: "inline", PolicyDocument: policy(["s3:GetObject"]) }));
    expect(await rejection(f.iam.send(new DeleteUserCommand({ UserName: "quota-user" })))).toMatchObject({
      name: "DeleteConflictException",
      status: 409,
    });
    await f.iam.send(new DeleteUserPolicyCommand({ UserName: "quota-user", PolicyName: "inline" }));
    for (const n of [1, 2]) await f.iam.send(new DetachUserPolicyCommand({ UserName: "quota-user", PolicyArn: arn(`limit-${n}`) }));
    await f.iam.send(new DeleteUserCommand({ UserName: "quota-user" }));
    expect(await rejection(f.iam.send(new GetUserCommand({ UserName: "quota-user" })))).toMatchObject({ name: "NoSuchEntityException" });

    await f.iam.send(new TagPolicyCommand({ PolicyArn: arn("limit-9"), Tags: [{ Key: "x", Value: "y" }] }));
    await f.iam.send(new UntagPolicyCommand({ PolicyArn: arn("limit-9"), TagKeys: ["x"] }));
    expect((await f.iam.send(new ListPolicyTagsCommand({ PolicyArn: arn("limit-9") }))).Tags).toEqual([]);
    await f.iam.send(new DeletePolicyCommand({ PolicyArn: arn("limit-9") }));
    expect(await rejection(f.iam.send(new GetPolicyCommand({ PolicyArn: arn("limit-9") })))).toMatchObject({
      name: "NoSuchEntityException",
      status: 404,
    });
  });

  it("tags policies and lists them by scope", async () => {
    await f.iam.send(new TagPolicyCommand({ PolicyArn: arn("just-fits"), Tags: [{ Key: "k", Value: "v" }] }));
    expect((await f.iam.send(new ListPolicyTagsCommand({ PolicyArn: arn("just-fits") }))).Tags).toEqual([{ Key: "k", Value: "v" }]);
    const local = await f.iam.send(new ListPoliciesCommand({ Scope: "Local", MaxItems: 1000 }));
    expect(local.Policies!.every((p) => p.Arn!.includes(`:${account}:`))).toBe(true);
    expect((await f.iam.send(new ListPoliciesCommand({ Scope: "AWS" }))).Policies).toEqual([]);
  });
});
