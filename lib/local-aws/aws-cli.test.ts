// The AWS CLI v2 (Debian's /usr/bin/aws) against the local endpoint, signed with an issued key:
// the same commands a platform team runs against real IAM, CloudTrail and STS.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";

const run = promisify(execFile);

describe("AWS CLI against the local account", () => {
  let f: LocalAwsFixture;
  let dir: string;

  async function aws(service: "iam" | "cloudtrail" | "sts", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: "/usr/bin:/bin",
      HOME: dir,
      AWS_ACCESS_KEY_ID: f.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: f.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_PAGER: "",
    } as Record<string, string> as NodeJS.ProcessEnv;
    try {
      const out = await run(
        "/usr/bin/aws",
        [service, ...args, "--endpoint-url", `${f.server.origin}/local-aws/${service}`, "--output", "json"],
        { env, encoding: "utf8" },
      );
      return { code: 0, ...out };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  beforeAll(async () => {
    f = await startLocalAws({ kind: "pglite" });
    dir = mkdtempSync(join(tmpdir(), "lw-cli-"));
  });
  afterAll(async () => {
    await f?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates a role and lists it, with the trust policy decoded by the CLI", async () => {
    const trust = join(dir, "trust.json");
    writeFileSync(
      trust,
      JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
    );
    const created = await aws("iam", [
      "create-role",
      "--role-name",
      "cli-role",
      "--path",
      "/cli/",
      "--assume-role-policy-document",
      `file://${trust}`,
    ]);
    expect(created.stderr).toBe("");
    expect(JSON.parse(created.stdout).Role.Path).toBe("/cli/");
    const listed = await aws("iam", ["list-roles"]);
    expect(listed.code).toBe(0);
    const role = JSON.parse(listed.stdout).Roles.find((r: { RoleName: string }) => r.RoleName === "cli-role");
    expect(role.AssumeRolePolicyDocument.Statement[0].Principal.Service).toBe("lambda.amazonaws.com");
  });

  it("pages with --max-items / --starting-token", async () => {
    for (const name of ["cli-a", "cli-b", "cli-c"]) {
      await aws("iam", ["create-user", "--user-name", name]);
    }
    const first = JSON.parse((await aws("iam", ["list-users", "--max-items", "2"])).stdout);
    expect(first.Users.map((u: { UserName: string }) => u.UserName)).toEqual(["cli-a", "cli-b"]);
    expect(first.NextToken).toBeTruthy();
    const rest = JSON.parse((await aws("iam", ["list-users", "--max-items", "2", "--starting-token", first.NextToken])).stdout);
    expect(rest.Users.map((u: { UserName: string }) => u.UserName)).toEqual(["cli-c"]);
  });

  it("creates a managed policy, attaches it, and reads the default version", async () => {
    const doc = join(dir, "policy.json");
    writeFileSync(
      doc,
      JSON.stringify(
        { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }] },
        null,
        2,
      ),
    );
    const created = JSON.parse(
      (await aws("iam", ["create-policy", "--policy-name", "cli-policy", "--policy-document", `file://${doc}`])).stdout,
    );
    const arn = created.Policy.Arn;
    expect((await aws("iam", ["attach-role-policy", "--role-name", "cli-role", "--policy-arn", arn])).code).toBe(0);
    const attached = JSON.parse((await aws("iam", ["list-attached-role-policies", "--role-name", "cli-role"])).stdout);
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: "cli-policy", PolicyArn: arn }]);
    const version = JSON.parse((await aws("iam", ["get-policy-version", "--policy-arn", arn, "--version-id", "v1"])).stdout);
    expect(version.PolicyVersion.Document.Statement[0].Action).toBe("s3:GetObject");
  });

  it("tags, puts inline policies and versions policies the way scripts do", async () => {
    expect((await aws("iam", ["tag-role", "--role-name", "cli-role", "--tags", "Key=team,Value=platform"])).code).toBe(0);
    expect(JSON.parse((await aws("iam", ["list-role-tags", "--role-name", "cli-role"])).stdout).Tags).toEqual([
      { Key: "team", Value: "platform" },
    ]);
    const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" }] });
    expect(
      (await aws("iam", ["put-role-policy", "--role-name", "cli-role", "--policy-name", "queue", "--policy-document", inline])).code,
    ).toBe(0);
    const got = JSON.parse((await aws("iam", ["get-role-policy", "--role-name", "cli-role", "--policy-name", "queue"])).stdout);
    expect(got.PolicyDocument.Statement[0].Action).toBe("sqs:SendMessage");
    const arn = JSON.parse((await aws("iam", ["list-policies", "--scope", "Local", "--only-attached"])).stdout).Policies[0].Arn;
    const v2 = JSON.parse(
      (await aws("iam", ["create-policy-version", "--policy-arn", arn, "--policy-document", inline, "--set-as-default"])).stdout,
    );
    expect(v2.PolicyVersion).toMatchObject({ VersionId: "v2", IsDefaultVersion: true });
    const byPath = JSON.parse((await aws("iam", ["list-roles", "--path-prefix", "/cli/"])).stdout);
    expect(byPath.Roles.map((r: { RoleName: string }) => r.RoleName)).toEqual(["cli-role"]);
  });

  it("reports IAM errors the way the CLI shows real ones", async () => {
    const missing = await aws("iam", ["get-role", "--role-name", "no-such-role"]);
    expect(missing.code).toBe(254);
    expect(missing.stderr).toContain(
      "An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name no-such-role cannot be found.",
    );
    const malformed = await aws("iam", [
      "create-policy",
      "--policy-name",
      "x",
      "--policy-document",
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Nope","Resource":"*"}]}',
    ]);
    expect(malformed.stderr).toContain("(MalformedPolicyDocument)");
    const dup = await aws("iam", ["create-user", "--user-name", "cli-a"]);
    expect(dup.stderr).toContain("(EntityAlreadyExists)");
  });

  it("answers sts get-caller-identity and cloudtrail describe-trails", async () => {
    const who = JSON.parse((await aws("sts", ["get-caller-identity"])).stdout);
    expect(who.Account).toMatch(/^\d{12}$/);
    const trails = await aws("cloudtrail", ["describe-trails"]);
    expect(trails.code).toBe(0);
    expect(JSON.parse(trails.stdout)).toHaveProperty("trailList");
    const unknown = await aws("cloudtrail", ["get-trail", "--name", "no-such-trail"]);
    expect(unknown.stderr).toContain("(TrailNotFoundException)");
  });

  it("refuses a wrong secret", async () => {
    const saved = f.credentials.secretAccessKey;
    f.credentials.secretAccessKey = "wrong-secret";
    try {
      const denied = await aws("iam", ["list-roles"]);
      expect(denied.code).toBe(254);
      expect(denied.stderr).toMatch(/SignatureDoesNotMatch/);
    } finally {
      f.credentials.secretAccessKey = saved;
    }
  });
});
