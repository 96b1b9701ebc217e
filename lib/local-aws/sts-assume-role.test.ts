// The local STS's AssumeRole as STS behaves: trust policies evaluated, STS's errors and limits,
// temporary credentials the other endpoints accept until they expire, IAM's propagation delay, and
// the AWS CLI's own sts assume-role.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CreateRoleCommand, ListRolesCommand, IAMClient } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { ensureLocalAccount } from "./ensure-local-account";
import { issueSessionCredentials } from "./sts/session-credentials";
import { revokeTestKey, issueTestKey } from "./testing/issue-test-key";
import { getDb, startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";
import { rejection } from "./testing/rejection";

const run = promisify(execFile);

describe("local STS AssumeRole", () => {
  let f: LocalAwsFixture;
  let account: string;
  const trust = (principal: unknown) =>
    JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
  const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => ({
    sts: new STSClient({ endpoint: `${f.server.origin}/local-aws/sts`, region: "us-east-1", credentials, maxAttempts: 1 }),
    iam: new IAMClient({ endpoint: `${f.server.origin}/local-aws/iam`, region: "us-east-1", credentials, maxAttempts: 1 }),
  });
  let trusted: string;
  let serviceOnly: string;

  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
    account = await ensureLocalAccount(await getDb());
    trusted = (
      await f.iam.send(
        new CreateRoleCommand({
          RoleName: "reader",
          Path: "/service-role/",
          AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${account}:root` }),
        }),
      )
    ).Role!.Arn!;
    serviceOnly = (
      await f.iam.send(
        new CreateRoleCommand({ RoleName: "svc", AssumeRolePolicyDocument: trust({ Service: "access-analyzer.amazonaws.com" }) }),
      )
    ).Role!.Arn!;
  });
  afterAll(() => f?.stop());

  it("assumes a role whose trust policy names the caller's account; the session works everywhere", async () => {
    const out = await f.sts.send(new AssumeRoleCommand({ RoleArn: trusted, RoleSessionName: "s1", DurationSeconds: 900 }));
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^LWAS[A-Z2-7]{16}$/);
    expect(c.SessionToken).toBeTruthy();
    expect(c.Expiration!.getTime() - Date.now()).toBeGreaterThan(890_000);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${account}:assumed-role/reader/s1`);
    const session = client({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    expect((await session.sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${account}:assumed-role/reader/s1`);
    expect((await session.iam.send(new ListRolesCommand({}))).Roles?.length).toBeGreaterThan(0);
    // without its token the key is unknown
    expect(
      await rejection(client({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey! }).iam.send(new ListRolesCommand({}))),
    ).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
  });

  it.each([
    [
      "a role trusting only a service",
      () => serviceOnly,
      "AccessDenied",
      403,
      /is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::\d{12}:role\/svc/,
    ],
    [
      "a role that does not exist",
      () => `arn:aws:iam::${account}:role/nope`,
      "AccessDenied",
      403,
      /is not authorized to perform: sts:AssumeRole/,
    ],
  ])("refuses %s with STS's AccessDenied", async (_label, arn, name, status, message) => {
    const r = await rejection(f.sts.send(new AssumeRoleCommand({ RoleArn: arn(), RoleSessionName: "x1" })));
    expect(r).toMatchObject({ name, status });
    expect(r.message).toMatch(message);
  });

  it.each([
    [{ RoleSessionName: "a b" }, /roleSessionName/],
    [{ RoleSessionName: "x" }, /roleSessionName/],
    [{ DurationSeconds: 100 }, /between 900 and 43200/],
    [{ DurationSeconds: 7200 }, /exceeds the MaxSessionDuration/],
  ])("validates %j", async (over, message) => {
    const r = await rejection(f.sts.send(new AssumeRoleCommand({ RoleArn: trusted, RoleSessionName: "ok-name", ...over })));
    expect(r).toMatchObject({ name: "ValidationError", status: 400 });
    expect(r.message).toMatch(message);
  });

  it("limits role chaining to one hour", async () => {
    const c = (await f.sts.send(new AssumeRoleCommand({ RoleArn: trusted, RoleSessionName: "first" }))).Credentials!;
    const session = client({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! });
    // the trust policy names the account root: any principal of the account may, the role's session too
    const long = await rejection(
      session.sts.send(new AssumeRoleCommand({ RoleArn: trusted, RoleSessionName: "second", DurationSeconds: 3601 })),
    );
    expect(long).toMatchObject({ name: "ValidationError" });
    expect(long.message).toMatch(/1 hour session limit for roles assumed by role chaining/);
    const chained = await session.sts.send(new AssumeRoleCommand({ RoleArn: trusted, RoleSessionName: "second", DurationSeconds: 3600 }));
    expect(chained.AssumedRoleUser?.Arn).toMatch(/assumed-role\/reader\/second$/);
    // a role trusting only its own service is not assumable by the session either
    expect(await rejection(session.sts.send(new AssumeRoleCommand({ RoleArn: serviceOnly, RoleSessionName: "third" })))).toMatchObject({
      name: "AccessDenied",
    });
  });

  it("refuses expired, forged and orphaned sessions", async () => {
    const parent = await issueTestKey();
    const expired = issueSessionCredentials({
      parentAccessKeyId: parent.accessKeyId,
      roleArn: trusted,
      roleId: "AROAX",
      sessionName: "old",
      expiresAt: new Date(Date.now() - 1000),
    });
    const asClient = (x: typeof expired) =>
      client({ accessKeyId: x.AccessKeyId, secretAccessKey: x.SecretAccessKey, sessionToken: x.SessionToken });
    expect(await rejection(asClient(expired).iam.send(new ListRolesCommand({})))).toMatchObject({ name: "ExpiredToken", status: 403 });
    const live = issueSessionCredentials({
      parentAccessKeyId: parent.accessKeyId,
      roleArn: trusted,
      roleId: "AROAX",
      sessionName: "live",
      expiresAt: new Date(Date.now() + 900_000),
    });
    expect((await asClient(live).sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/assumed-role\/reader\/live$/);
    const forged = { ...live, SessionToken: live.SessionToken.replace(/\.[^.]+$/, ".AAAA") };
    expect(await rejection(asClient(forged).iam.send(new ListRolesCommand({})))).toMatchObject({ name: "InvalidClientTokenId" });
    await revokeTestKey(parent.accessKeyId);
    expect(await rejection(asClient(live).iam.send(new ListRolesCommand({})))).toMatchObject({ name: "InvalidClientTokenId" });
  });

  it("simulates IAM's propagation delay for a new role", async () => {
    const saved = process.env.LEASTWISE_LOCAL_STS_PROPAGATION_S;
    process.env.LEASTWISE_LOCAL_STS_PROPAGATION_S = "2";
    resetEnvCache();
    try {
      const fresh = (await f.iam.send(new CreateRoleCommand({ RoleName: "fresh", AssumeRolePolicyDocument: trust({ AWS: account }) })))
        .Role!.Arn!;
      expect(await rejection(f.sts.send(new AssumeRoleCommand({ RoleArn: fresh, RoleSessionName: "early" })))).toMatchObject({
        name: "AccessDenied",
      });
      await new Promise((r) => setTimeout(r, 2100));
      expect((await f.sts.send(new AssumeRoleCommand({ RoleArn: fresh, RoleSessionName: "later" }))).Credentials?.AccessKeyId).toMatch(
        /^LWAS/,
      );
    } finally {
      if (saved === undefined) delete process.env.LEASTWISE_LOCAL_STS_PROPAGATION_S;
      else process.env.LEASTWISE_LOCAL_STS_PROPAGATION_S = saved;
      resetEnvCache();
    }
  });

  it("answers the AWS CLI's sts assume-role", async () => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: f.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: f.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    };
    const out = await run(
      "/usr/bin/aws",
      [
        "sts",
        "assume-role",
        "--role-arn",
        trusted,
        "--role-session-name",
        "cli",
        "--endpoint-url",
        `${f.server.origin}/local-aws/sts`,
        "--output",
        "json",
      ],
      { env, encoding: "utf8" },
    );
    const parsed = JSON.parse(out.stdout);
    expect(parsed.Credentials.AccessKeyId).toMatch(/^LWAS/);
    expect(parsed.AssumedRoleUser.Arn).toBe(`arn:aws:sts::${account}:assumed-role/reader/cli`);
  }, 60_000);
});
