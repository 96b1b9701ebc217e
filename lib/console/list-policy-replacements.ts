// The audit trail of "Replace" for one role or user, newest first.
import { getDb } from "@/lib/db";

export interface PolicyReplacementView {
  id: string;
  actor: string;
  createdAt: string;
  status: "STARTED" | "DONE" | "FAILED" | "UNDOING" | "UNDONE";
  keptPolicyArns: string[];
  requested: { detach: string[]; deleteInline: string[] };
  previous: { managed: { name: string; arn: string }[]; inline: string[] } | null;
  detached: { name: string; arn: string }[];
  deletedInline: string[];
  error: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}

export async function listPolicyReplacements(options: { principalArn: string; take?: number }): Promise<PolicyReplacementView[]> {
  const db = await getDb();
  const rows = await db.policyReplacement.findMany({
    where: { principalArn: options.principalArn },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
  });
  return rows.map((r) => ({
    id: r.id,
    actor: r.actor,
    createdAt: r.createdAt.toISOString(),
    status: r.status as PolicyReplacementView["status"],
    keptPolicyArns: r.keptPolicyArns as string[],
    requested: r.requested as PolicyReplacementView["requested"],
    previous: (r.previous ?? null) as PolicyReplacementView["previous"],
    detached: (r.detached ?? []) as { name: string; arn: string }[],
    deletedInline: ((r.deletedInline ?? []) as { name: string }[]).map((d) => d.name),
    error: r.error,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    undoneBy: r.undoneBy,
  }));
}
