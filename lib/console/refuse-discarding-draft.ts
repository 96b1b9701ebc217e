// A viewer may generate, but not throw away an administrator's work: a new generation replaces the
// entity's generated policy and so its wizard draft. When the current draft has edits saved by an
// administrator (other than the viewer), a viewer's new generation is refused with the reason.
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function refuseDiscardingDraft(options: {
  principalArn: string;
  username: string;
  role: "admin" | "viewer";
  db?: Db;
}): Promise<void> {
  if (options.role === "admin") return;
  const db = options.db ?? (await getDb());
  const active = await db.activeGeneratedPolicy.findUnique({ where: { principalArn: options.principalArn } });
  if (!active) return;
  const draft = await db.policyDraft.findUnique({
    where: { principalArn_jobId: { principalArn: options.principalArn, jobId: active.jobId } },
  });
  if (!draft || draft.documentText === null || draft.updatedBy === options.username) return;
  const editor = await db.consoleUser.findUnique({ where: { username: draft.updatedBy } });
  if (editor?.role !== "ADMIN") return;
  throw new AppError(
    "FORBIDDEN",
    `${draft.updatedBy} (an administrator) has edited the generated policy of this entity. A new generation would discard those edits, so only an administrator can start one. Ask ${draft.updatedBy}, or review the current one.`,
    { status: 403 },
  );
}
