// The console's IAM use cases against the local account through the default in-process transport
// and the internal credential: exactly the path the web server takes.
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRolePolicyCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerTrail } from "@/lib/trails/register-trail";
import { startLocalAws, type LocalAwsFixture } from "@/lib/local-aws/testing/local-aws-fixture";
import { createServiceRole } from "./create-service-role";
import { getEntity } from "./get-entity";
import { getManagedPolicy } from "./get-managed-policy";
import { listPolicies } from "./list-policies";
import { listAccountTrails } from "./list-account-trails";
import { listRoles } from "./list-roles";
import { listServiceRoles } from "./list-service-roles";
import { listUsers } from "./list-users";

const trust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

describe("IAM use cases on the local account (in-process)", () => {
  let f: LocalAwsFixture;
  let account: string;

  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite", env: { LEASTWISE_ACCOUNT_MODE: "local" } });
    for (let i = 0; i < 12; i++) {
      const name = i % 3 === 0 ? `db-migrator-${i}` : `web-${i}`;
      await f.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust("ec2.amazonaws.com") }));
    }
    const role = await f.iam.send(
      new CreateRoleCommand({
        RoleName: "payments",
        Path: "/apps/",
        AssumeRolePolicyDocument: trust("ecs-tasks.amazonaws.com"),
        Description: "payments api",
      }),
    );
    account = role.Role!.Arn!.split(":")[4];
    const p1 = await f.iam.send(
      new CreatePolicyCommand({ PolicyName: "payments-s3", PolicyDocument: doc("s3:GetObject"), Description: "payments s3 access" }),
    );
    await f.iam.send(new AttachRolePolicyCommand({ RoleName: "payments", PolicyArn: p1.Policy!.Arn }));
    await f.iam.send(new PutRolePolicyCommand({ RoleName: "payments", PolicyName: "inline-sqs", PolicyDocument: doc("sqs:SendMessage") }));
    await f.iam.send(new TagRoleCommand({ RoleName: "payments", Tags: [{ Key: "team", Value: "pay" }] }));
    await f.iam.send(new CreateUserCommand({ UserName: "dana" }));
  });
  afterAll(() => f?.stop());

  it("lists roles with a name filter across pages, without gaps or repeats", async () => {
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await listRoles({ filter: "DB-", maxItems: 2, marker });
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((r) => r.name));
      marker = page.marker;
    } while (marker);
    expect(names).toEqual(["db-migrator-0", "db-migrator-3", "db-migrator-6", "db-migrator-9"]);
  });

  it("lists roles with their last activity and users", async () => {
    const page = await listRoles({ pathPrefix: "/apps/", withLastActivity: true });
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: "role",
        name: "payments",
        path: "/apps/",
        arn: `arn:aws:iam::${account}:role/apps/payments`,
        description: "payments api",
        lastActivity: undefined,
      }),
    ]);
    expect((await listUsers({})).items.map((u) => u.name)).toEqual(["dana"]);
  });

  it("gets an entity with its policies' documents, inline policy names, tags and trust policy", async () => {
    const entity = await getEntity({ arn: `arn:aws:iam::${account}:role/apps/payments` });
    expect(entity).toMatchObject({
      kind: "role",
      name: "payments",
      path: "/apps/",
      tags: [{ key: "team", value: "pay" }],
      inlinePolicyNames: ["inline-sqs"],
      attachedPolicies: [
        { name: "payments-s3", arn: `arn:aws:iam::${account}:policy/payments-s3`, awsManaged: false, defaultVersionId: "v1" },
      ],
    });
    expect(JSON.parse(entity.attachedPolicies[0].document!)).toEqual(JSON.parse(doc("s3:GetObject")));
    expect(entity.attachedPolicies[0].document).toContain("\n  ");
    expect(JSON.parse(entity.trustPolicy!).Statement[0].Principal.Service).toBe("ecs-tasks.amazonaws.com");
    const user = await getEntity({ arn: `arn:aws:iam::${account}:user/dana` });
    expect(user).toMatchObject({ kind: "user", name: "dana", attachedPolicies: [], inlinePolicyNames: [] });
  });

  it("lists customer managed policies and reads one with its attachments", async () => {
    const { policies, truncated } = await listPolicies();
    expect(policies.map((p) => p.name)).toEqual(["payments-s3"]);
    expect(truncated).toBe(false);
    // ListPolicies has no descriptions (as in IAM); the Policies page asks GetPolicy for them.
    expect(policies[0].description).toBeUndefined();
    expect((await listPolicies({ withDescriptions: true })).policies[0].description).toBe("payments s3 access");
    const detail = await getManagedPolicy({ arn: `arn:aws:iam::${account}:policy/payments-s3` });
    expect(detail).toMatchObject({ name: "payments-s3", attachmentCount: 1, attachedTo: [{ kind: "role", name: "payments" }] });
    expect(JSON.parse(detail.document)).toEqual(JSON.parse(doc("s3:GetObject")));
    await expect(getManagedPolicy({ arn: "arn:aws:iam::123:role/x" })).rejects.toMatchObject({ code: "VALIDATION", field: "arn" });
    await expect(getManagedPolicy({ arn: `arn:aws:iam::${account}:policy/ghost` })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("explains a bad ARN and a missing entity", async () => {
    await expect(getEntity({ arn: "not-an-arn" })).rejects.toMatchObject({ code: "VALIDATION", field: "arn" });
    await expect(getEntity({ arn: `arn:aws:iam::${account}:role/ghost` })).rejects.toMatchObject({
      code: "NOT_FOUND",
      userMessage: expect.stringMatching(/^Could not read the role ghost: The role with name ghost cannot be found\./),
    });
  });

  it("offers only suitable service roles and creates one with the bucket filled in", async () => {
    await f.iam.send(
      new CreateRoleCommand({
        RoleName: "AccessAnalyzerMonitorServiceRole_manual",
        Path: "/service-role/",
        AssumeRolePolicyDocument: trust("access-analyzer.amazonaws.com"),
      }),
    );
    await f.iam.send(
      new CreateRoleCommand({
        RoleName: "AccessAnalyzerMonitorServiceRole_wrongtrust",
        Path: "/service-role/",
        AssumeRolePolicyDocument: trust("lambda.amazonaws.com"),
      }),
    );
    await f.iam.send(
      new CreateRoleCommand({
        RoleName: "AccessAnalyzerMonitorServiceRole_wrongpath",
        AssumeRolePolicyDocument: trust("access-analyzer.amazonaws.com"),
      }),
    );
    expect((await listServiceRoles()).map((r) => r.name)).toEqual(["AccessAnalyzerMonitorServiceRole_manual"]);

    const created = await createServiceRole({ trailBucket: "my-trail-bucket" });
    expect(created.name).toMatch(/^AccessAnalyzerMonitorServiceRole_[A-Za-z0-9]+$/);
    expect(created.arn).toBe(`arn:aws:iam::${account}:role/service-role/${created.name}`);
    const inline = await f.iam.send(
      new GetRolePolicyCommand({ RoleName: created.name, PolicyName: "AccessAnalyzerMonitorServiceRolePolicy" }),
    );
    const permissions = JSON.parse(decodeURIComponent(inline.PolicyDocument!));
    expect(permissions.Statement[2].Resource).toEqual(["arn:aws:s3:::my-trail-bucket", "arn:aws:s3:::my-trail-bucket/*"]);
    expect(permissions.Statement[0].Action).toBe("cloudtrail:GetTrail");
    expect((await listServiceRoles()).map((r) => r.name)).toContain(created.name);
  });

  it("refuses a bad bucket and a taken suffix on the right field", async () => {
    await expect(createServiceRole({ trailBucket: "Not_A_Bucket" })).rejects.toMatchObject({ code: "VALIDATION", field: "trailBucket" });
    await expect(createServiceRole({ trailBucket: "b-1-2", suffix: "manual" })).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
  });

  it("lists the account's trails with their buckets", async () => {
    await registerTrail({
      arn: `arn:aws:cloudtrail:eu-west-1:${account}:trail/main`,
      source: { kind: "s3", bucket: "main-trail-logs", prefix: "ct" },
    });
    expect(await listAccountTrails()).toEqual([
      {
        arn: `arn:aws:cloudtrail:eu-west-1:${account}:trail/main`,
        name: "main",
        homeRegion: "eu-west-1",
        bucket: "main-trail-logs",
        prefix: "ct",
        multiRegion: true,
        organizationTrail: false,
      },
    ]);
  });
});
