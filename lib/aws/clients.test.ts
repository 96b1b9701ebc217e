// The client factories against the local endpoint: in-process (the default), over HTTP, and in
// "aws" mode through nothing but the standard settings (credentials from the environment and
// AWS_ENDPOINT_URL_<SERVICE>), which is exactly how a real account is reached.
import { ListTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { CreateRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createServiceRole } from "@/lib/iam/create-service-role";
import { getEntity } from "@/lib/iam/get-entity";
import { listRoles } from "@/lib/iam/list-roles";
import { listServiceRoles } from "@/lib/iam/list-service-roles";
import { startLocalAws, type LocalAwsFixture } from "@/lib/local-aws/testing/local-aws-fixture";
import { cloudTrailClient, iamClient, stsClient } from "./clients";

const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

describe("SDK client factories", () => {
  let f: LocalAwsFixture;
  let saved: NodeJS.ProcessEnv;
  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
    saved = { ...process.env };
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });
  afterAll(() => f?.stop());

  function setEnv(vars: Record<string, string | undefined>) {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvCache();
  }

  it("local mode hands requests to the endpoint in-process, signed and verified for real", async () => {
    setEnv({ LEASTWISE_ACCOUNT_MODE: "local", LEASTWISE_LOCAL_AWS_URL: undefined });
    const credentials = f.credentials;
    await iamClient({ credentials }).send(new CreateRoleCommand({ RoleName: "in-process", AssumeRolePolicyDocument: TRUST }));
    const roles = await iamClient({ credentials }).send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toContain("in-process");
    expect((await stsClient({ credentials }).send(new GetCallerIdentityCommand({}))).Account).toMatch(/^\d{12}$/);
    expect((await cloudTrailClient({ credentials }).send(new ListTrailsCommand({}))).Trails).toEqual([]);
    const wrong = { accessKeyId: credentials.accessKeyId, secretAccessKey: "not-the-secret" };
    await expect(iamClient({ credentials: wrong }).send(new ListRolesCommand({}))).rejects.toMatchObject({ name: "SignatureDoesNotMatch" });
  });

  it("local mode goes over HTTP when LEASTWISE_LOCAL_AWS_URL is set", async () => {
    setEnv({ LEASTWISE_ACCOUNT_MODE: "local", LEASTWISE_LOCAL_AWS_URL: f.server.origin });
    const roles = await iamClient({ credentials: f.credentials }).send(new ListRolesCommand({}));
    expect(roles.Roles?.map((r) => r.RoleName)).toContain("in-process");
    setEnv({ LEASTWISE_LOCAL_AWS_URL: "http://127.0.0.1:1" });
    await expect(iamClient({ credentials: f.credentials }).send(new ListRolesCommand({}))).rejects.toThrow(/ECONNREFUSED/);
  });

  it("aws mode uses the standard credential chain and AWS_ENDPOINT_URL_<SERVICE> settings", async () => {
    setEnv({
      LEASTWISE_ACCOUNT_MODE: "aws",
      AWS_ACCESS_KEY_ID: f.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: f.credentials.secretAccessKey,
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_ENDPOINT_URL_IAM: `${f.server.origin}/local-aws/iam`,
      AWS_ENDPOINT_URL_STS: `${f.server.origin}/local-aws/sts`,
      AWS_ENDPOINT_URL_CLOUDTRAIL: `${f.server.origin}/local-aws/cloudtrail`,
    });
    const page = await listRoles({ maxItems: 5 });
    expect(page.items.map((r) => r.name)).toContain("in-process");
    expect((await stsClient().send(new GetCallerIdentityCommand({}))).Account).toMatch(/^\d{12}$/);
    expect((await cloudTrailClient().send(new ListTrailsCommand({}))).Trails).toEqual([]);

    // On a real account the service role must also trust the principal Leastwise runs as.
    const role = await createServiceRole({ trailBucket: "aws-mode-bucket", suffix: "awsmode" });
    const trust = JSON.parse((await getEntity({ arn: role.arn })).trustPolicy!);
    const { Account } = await stsClient().send(new GetCallerIdentityCommand({}));
    expect(trust.Statement.map((s: { Principal: unknown }) => s.Principal)).toEqual([
      { Service: "access-analyzer.amazonaws.com" },
      { AWS: `arn:aws:iam::${Account}:root` },
    ]);
    expect((await listServiceRoles()).find((r) => r.name === role.name)?.trustsLeastwise).toBe(true);
  });

  it("aws mode without any credentials fails with advice, not a stack trace", async () => {
    setEnv({
      LEASTWISE_ACCOUNT_MODE: "aws",
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
      AWS_ENDPOINT_URL_IAM: `${f.server.origin}/local-aws/iam`,
    });
    await expect(listRoles({})).rejects.toMatchObject({
      code: "AWS_CREDENTIALS",
      status: 502,
      userMessage: expect.stringMatching(/has no AWS credentials/),
    });
  });
});
