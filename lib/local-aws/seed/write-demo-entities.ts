// Writes the demo roles, user and policies of the local account in one transaction. AWS managed
// policies are shared by every local account (accountId null) and are created only once.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "../iam/context";
import { iamArn, iamId } from "../iam/ids";
import { DEMO_ENTITIES, DEMO_POLICIES, DEMO_TRAIL_REGION } from "./demo-content";

const DAY = 86_400_000;

export async function writeDemoEntities(tx: Tx, options: { accountId: string; now: Date; activeArns: Set<string> }): Promise<string[]> {
  const { accountId, now } = options;
  const createdAt = new Date(now.getTime() - 180 * DAY);
  const policyArns = new Map<string, string>();
  for (const p of DEMO_POLICIES) {
    const arn = p.awsManaged ? `arn:aws:iam::aws:policy${p.path}${p.name}` : iamArn("aws", accountId, "policy", p.path, p.name);
    policyArns.set(p.name, arn);
    const existing = await tx.localIamPolicy.findUnique({ where: { arn } });
    if (existing) continue;
    await tx.localIamPolicy.create({
      data: {
        id: iamId("ANPA"),
        accountId: p.awsManaged ? null : accountId,
        name: p.name,
        nameKey: p.name.toLowerCase(),
        path: p.path,
        arn,
        description: p.description,
        createdAt,
        updatedAt: createdAt,
        versions: { create: { versionId: "v1", document: JSON.stringify(p.document, null, 4), createdAt } },
      },
    });
  }

  const arns: string[] = [];
  for (const e of DEMO_ENTITIES) {
    const arn = iamArn("aws", accountId, e.kind, e.path, e.name);
    arns.push(arn);
    const active = options.activeArns.has(arn);
    const lastUsed = active ? new Date(now.getTime() - 2 * 3_600_000) : null;
    const common = {
      accountId,
      name: e.name,
      nameKey: e.name.toLowerCase(),
      path: e.path,
      arn,
      tags: (e.tags ?? []) as unknown as Prisma.InputJsonValue,
      createdAt,
    };
    const attachments = e.managedPolicies.map((name) => ({ policy: { connect: { arn: policyArns.get(name)! } } }));
    const inline = (e.inlinePolicies ?? []).map((p) => ({ name: p.name, document: JSON.stringify(p.document, null, 4) }));
    if (e.kind === "role") {
      await tx.localIamRole.create({
        data: {
          ...common,
          id: iamId("AROA"),
          description: e.description,
          assumeRolePolicyDocument: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: e.trustedService }, Action: "sts:AssumeRole" }],
          }),
          lastUsedAt: lastUsed,
          lastUsedRegion: lastUsed ? DEMO_TRAIL_REGION : null,
          attachedPolicies: { create: attachments },
          inlinePolicies: { create: inline },
        },
      });
    } else {
      await tx.localIamUser.create({
        data: {
          ...common,
          id: iamId("AIDA"),
          passwordLastUsed: lastUsed,
          attachedPolicies: { create: attachments },
          inlinePolicies: { create: inline },
        },
      });
    }
  }
  return arns;
}
