// The demo account: what a newcomer sees on first start, that its trail is readable by the engine,
// and that seeding again (or twice at once) changes nothing.
import { readdirSync, statSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeTrailsCommand, GetTrailCommand } from "@aws-sdk/client-cloudtrail";
import { GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolesCommand, ListUsersCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScan } from "@/lib/engine/run-scan";
import { getDb } from "@/lib/db";
import { seedDemoAccount, type SeedDemoResult } from "./seed";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
    .sort();
}

async function snapshot(): Promise<string> {
  const db = await getDb();
  const [accounts, roles, users, policies, versions, roleLinks, userLinks, inline, trails] = await Promise.all([
    db.localAccount.findMany(),
    db.localIamRole.findMany({ orderBy: { id: "asc" } }),
    db.localIamUser.findMany({ orderBy: { id: "asc" } }),
    db.localIamPolicy.findMany({ orderBy: { id: "asc" } }),
    db.localIamPolicyVersion.findMany({ orderBy: [{ policyId: "asc" }, { versionId: "asc" }] }),
    db.localIamRolePolicyAttachment.findMany({ orderBy: [{ roleId: "asc" }, { policyId: "asc" }] }),
    db.localIamUserPolicyAttachment.findMany({ orderBy: [{ userId: "asc" }, { policyId: "asc" }] }),
    db.localIamRoleInlinePolicy.findMany({ orderBy: [{ roleId: "asc" }, { name: "asc" }] }),
    db.trail.findMany(),
  ]);
  return JSON.stringify({ accounts, roles, users, policies, versions, roleLinks, userLinks, inline, trails });
}

describe("seedDemoAccount", () => {
  let f: LocalAwsFixture;
  let dataDir: string;
  let first: SeedDemoResult[];
  let firstMs: number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lw-seed-"));
    f = await startLocalAws({ kind: "pglite", env: { LEASTWISE_DATA_DIR: dataDir } });
    const t = Date.now();
    // two starts racing on a fresh machine
    first = await Promise.all([seedDemoAccount({ dataDir }), seedDemoAccount({ dataDir })]);
    firstMs = Date.now() - t;
  });
  afterAll(async () => {
    await f?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds exactly once, quickly, even when two starts race", () => {
    expect(first.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(first[0].accountId).toBe(first[1].accountId);
    expect(firstMs).toBeLessThan(30_000);
    console.log(`[local-aws] demo seeding (two racing starts): ${firstMs} ms`);
  });

  it("creates the demo roles (one with a path) and user with broad policies attached", async () => {
    const roles = (await f.iam.send(new ListRolesCommand({}))).Roles!.map((r) => `${r.Path}${r.RoleName}`);
    expect(roles).toEqual(["/", "/", "/analytics/"].map((p, i) => p + ["app-backend", "ci-deployer", "data-pipeline"][i]));
    expect((await f.iam.send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toEqual(["alice"]);
    const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: "data-pipeline" }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual([
      `arn:aws:iam::${first[0].accountId}:policy/analytics/data-pipeline-access`,
      "arn:aws:iam::aws:policy/AmazonS3FullAccess",
    ]);
    const backend = await f.iam.send(new GetRoleCommand({ RoleName: "app-backend" }));
    expect(backend.Role?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    expect(backend.Role?.RoleLastUsed?.Region).toBe("us-east-1");
  });

  it("registers the demo trail, served by the local CloudTrail", async () => {
    const { trailList } = await f.cloudTrail.send(new DescribeTrailsCommand({}));
    expect(trailList!.map((t) => t.TrailARN)).toEqual([first[0].trailArn]);
    const { Trail } = await f.cloudTrail.send(new GetTrailCommand({ Name: "leastwise-demo-trail" }));
    expect(Trail).toMatchObject({
      TrailARN: first[0].trailArn,
      HomeRegion: "us-east-1",
      S3BucketName: `leastwise-local-${first[0].accountId}`,
    });
  });

  it("writes 30 days of logs the engine reads, with each role's own activity", async () => {
    const region = join(first[0].logDir, "AWSLogs", first[0].accountId, "CloudTrail", "us-east-1");
    expect(readdirSync(region, { recursive: true }).filter((f) => String(f).endsWith(".json.gz")).length).toBeGreaterThan(300);
    const end = new Date();
    const { usage } = await runScan({
      request: {
        principalArn: first[0].principalArns[0],
        window: { start: new Date(end.getTime() - 31 * 86_400_000), end },
        source: { kind: "local", dir: first[0].logDir },
        regions: "all",
      },
    });
    expect(Object.keys(usage.actions)).toEqual(expect.arrayContaining(["s3:GetObject", "dynamodb:GetItem", "sqs:SendMessage"]));
    expect(Object.keys(usage.actions).some((a) => a.startsWith("cloudformation:"))).toBe(false);
  });

  it("changes nothing when called again", async () => {
    const before = await snapshot();
    const files = listFiles(first[0].logDir);
    const again = await seedDemoAccount({ dataDir });
    expect(again.seeded).toBe(false);
    expect(await snapshot()).toBe(before);
    expect(listFiles(first[0].logDir)).toEqual(files);
  });
});
