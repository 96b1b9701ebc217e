// "Replace": the console's use case over lib/iam/replace-entity-policies.ts with its audit trail.
// The record is written (STARTED) before IAM is called and completed (DONE or FAILED) after, so a
// change is never made without a record of who asked for it.
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { replaceEntityPolicies, type ReplacementDone } from "@/lib/iam/replace-entity-policies";

export interface ReplaceBroadPoliciesOptions {
  entityArn: string;
  keepPolicyArns: string[];
  detachPolicyArns: string[];
  deleteInlineNames: string[];
  actor: string;
}

export async function replaceBroadPolicies(options: ReplaceBroadPoliciesOptions): Promise<ReplacementDone & { replacementId: string }> {
  const db = await getDb();
  const record = await db.policyReplacement.create({
    data: {
      principalArn: options.entityArn,
      actor: options.actor,
      status: "STARTED",
      keptPolicyArns: options.keepPolicyArns,
      requested: { detach: options.detachPolicyArns, deleteInline: options.deleteInlineNames },
    },
  });
  try {
    const done = await replaceEntityPolicies(options);
    await db.policyReplacement.update({
      where: { id: record.id },
      data: {
        status: "DONE",
        previous: done.previous as unknown as Prisma.InputJsonValue,
        detached: done.detached as unknown as Prisma.InputJsonValue,
        deletedInline: done.deletedInline as unknown as Prisma.InputJsonValue,
      },
    });
    return { ...done, replacementId: record.id };
  } catch (error) {
    const message = isAppError(error) ? error.userMessage : String(error);
    await db.policyReplacement.update({ where: { id: record.id }, data: { status: "FAILED", error: message.slice(0, 4000) } });
    throw error;
  }
}

export function replacementNotFound(): AppError {
  return new AppError("NOT_FOUND", "There is no such replacement in the audit trail.");
}
