// Undo of a "Replace": re-attaches exactly the managed policies it detached and re-creates the
// inline policies it deleted (with their recorded documents). The generated policy stays attached.
// Once only: the record moves DONE -> UNDOING -> UNDONE (back to DONE when IAM refuses).
import { getDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { restoreEntityPolicies } from "@/lib/iam/replace-entity-policies";
import { replacementNotFound } from "./replace-broad-policies";

export async function undoPolicyReplacement(options: {
  replacementId: string;
  actor: string;
}): Promise<{ attached: string[]; recreated: string[] }> {
  const db = await getDb();
  const record = await db.policyReplacement.findUnique({ where: { id: options.replacementId } });
  if (!record) throw replacementNotFound();
  const claimed = await db.policyReplacement.updateMany({ where: { id: record.id, status: "DONE" }, data: { status: "UNDOING" } });
  if (claimed.count === 0) {
    throw new AppError(
      "CONFLICT",
      record.status === "UNDONE"
        ? `This replacement was already undone${record.undoneBy ? ` by ${record.undoneBy}` : ""}.`
        : `Only a completed replacement can be undone (this one is ${record.status.toLowerCase()}).`,
    );
  }
  const detached = (record.detached ?? []) as { name: string; arn: string }[];
  const deletedInline = (record.deletedInline ?? []) as { name: string; document: string }[];
  try {
    const out = await restoreEntityPolicies({
      entityArn: record.principalArn,
      attachPolicyArns: detached.map((d) => d.arn),
      inline: deletedInline,
    });
    await db.policyReplacement.update({
      where: { id: record.id },
      data: { status: "UNDONE", undoneAt: new Date(), undoneBy: options.actor, error: null },
    });
    return out;
  } catch (error) {
    const message = isAppError(error) ? error.userMessage : String(error);
    await db.policyReplacement.update({
      where: { id: record.id },
      data: { status: "DONE", error: `Undo failed: ${message}`.slice(0, 4000) },
    });
    throw error;
  }
}
