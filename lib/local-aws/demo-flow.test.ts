// The newcomer's path on the demo account, below the UI: seed, scan a role's 30 days, build the
// least-privilege policy, create it as managed policies and attach it, all on the local account.
// It also proves the core's generated policies pass the local IAM's own validation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetPolicyVersionCommand, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGeneratedPolicies } from "@/lib/core/policy";
import { runScan } from "@/lib/engine/run-scan";
import { createManagedPolicies } from "@/lib/iam/create-managed-policies";
import { getEntity } from "@/lib/iam/get-entity";
import { seedDemoAccount } from "./seed";
import { startLocalAws, type LocalAwsFixture } from "./testing/local-aws-fixture";

describe("demo flow on the local account", () => {
  let f: LocalAwsFixture;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "lw-flow-"));
    f = await startLocalAws({ kind: "pglite", env: { LEASTWISE_DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await f?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(["app-backend", "ci-deployer", "data-pipeline"])("replaces %s's broad access with a generated policy", async (roleName) => {
    const demo = await seedDemoAccount({ dataDir });
    const roleArn = demo.principalArns.find((a) => a.endsWith(`/${roleName}`))!;
    const entity = await getEntity({ arn: roleArn });
    expect(entity.attachedPolicies.length).toBeGreaterThan(0);

    const end = new Date();
    const { usage } = await runScan({
      request: {
        principalArn: entity.arn,
        window: { start: new Date(end.getTime() - 30 * 86_400_000), end },
        source: { kind: "local", dir: demo.logDir },
        regions: "all",
      },
    });
    const { policies } = buildGeneratedPolicies(usage, { includeResourcePlaceholders: false, includeServiceLevelTemplate: false });
    expect(policies.length).toBeGreaterThan(0);
    if (roleName === "app-backend") {
      // Its denied probes: attempts at actions it never performed, for the console to offer apart.
      const deniedOnly = Object.values(usage.denied)
        .map((d) => d.action)
        .filter((a) => a && !usage.actions[a]);
      expect(deniedOnly).toEqual(expect.arrayContaining(["s3:DeleteObject", "ssm:GetParametersByPath"]));
    }

    const created = await createManagedPolicies({
      entityArn: entity.arn,
      baseName: `${roleName}-least`,
      documents: policies.map((p) => p.policy),
      attach: true,
    });
    expect(created.policies.every((p) => p.attached)).toBe(true);
    const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
    expect(attached.AttachedPolicies!.map((p) => p.PolicyArn)).toEqual(expect.arrayContaining(created.policies.map((p) => p.arn)));
    const stored = await f.iam.send(new GetPolicyVersionCommand({ PolicyArn: created.policies[0].arn, VersionId: "v1" }));
    expect(JSON.parse(decodeURIComponent(stored.PolicyVersion!.Document!))).toEqual(JSON.parse(policies[0].policy));
  });

  it("refuses a generated policy whose resource placeholders were not filled, leaving nothing behind", async () => {
    const demo = await seedDemoAccount({ dataDir });
    const end = new Date();
    const { usage } = await runScan({
      request: {
        principalArn: demo.principalArns[0],
        window: { start: new Date(end.getTime() - 30 * 86_400_000), end },
        source: { kind: "local", dir: demo.logDir },
        regions: "all",
      },
    });
    const { policies } = buildGeneratedPolicies(usage, { includeResourcePlaceholders: true, includeServiceLevelTemplate: false });
    expect(policies.some((p) => p.policy.includes("${"))).toBe(true);
    await expect(
      createManagedPolicies({
        entityArn: demo.principalArns[0],
        baseName: "with-placeholders",
        documents: policies.map((p) => p.policy),
        attach: true,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      field: "document",
      userMessage: expect.stringMatching(/placeholders[\s\S]*Nothing (was created|was left behind)/),
    });
  });
});
