import { getDb, type Db } from "@/lib/db";
import type { DraftSelection } from "./draft-selection";

/** Saves the wizard's state for one generated policy; only the given parts change. */
export async function savePolicyDraft(options: {
  principalArn: string;
  jobId: string;
  updatedBy: string;
  selection?: DraftSelection;
  /** undefined: unchanged; null: back to the built policy */
  documentText?: string | null;
  db?: Db;
}): Promise<void> {
  const db = options.db ?? (await getDb());
  const where = { principalArn_jobId: { principalArn: options.principalArn, jobId: options.jobId } };
  const data = {
    updatedBy: options.updatedBy,
    ...(options.selection ? { selection: options.selection as object } : {}),
    ...(options.documentText !== undefined ? { documentText: options.documentText } : {}),
  };
  await db.policyDraft.upsert({
    where,
    update: data,
    create: {
      principalArn: options.principalArn,
      jobId: options.jobId,
      updatedBy: options.updatedBy,
      selection: (options.selection ?? { removedActions: [], addedActions: [], acceptedPassRoles: [], acceptedDenied: [] }) as object,
      documentText: options.documentText ?? null,
    },
  });
}
