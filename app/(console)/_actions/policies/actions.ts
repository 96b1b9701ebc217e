"use server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runAction } from "@/lib/console/action-result";
import { getPermissionComparison } from "@/lib/console/get-permission-comparison";
import { replaceBroadPolicies } from "@/lib/console/replace-broad-policies";
import { undoPolicyReplacement } from "@/lib/console/undo-policy-replacement";
import { deleteManagedPolicy } from "@/lib/iam/delete-managed-policy";
import { detachManagedPolicy } from "@/lib/iam/detach-managed-policy";

const arn = z.string().min(20).max(2048);
const policyArns = z.array(arn).max(20);

/** "Unused permissions": granted today against used and against the new policy. Viewers may look. */
export async function comparePermissionsAction(input: { entityArn: string; jobId?: string; proposedText?: string }) {
  return runAction(async () => {
    await requireSession();
    const p = z
      .object({ entityArn: arn, jobId: z.string().uuid().optional(), proposedText: z.string().max(200_000).optional() })
      .parse(input);
    return getPermissionComparison(p);
  });
}

/** Replace: keep (attach) the new policies, detach the chosen managed ones and delete the chosen inline ones. Admins only. */
export async function replacePoliciesAction(input: {
  entityArn: string;
  keepPolicyArns: string[];
  detachPolicyArns: string[];
  deleteInlineNames: string[];
}) {
  return runAction(async () => {
    const session = await requireSession({ admin: true, action: "detach or delete policies" });
    const p = z
      .object({
        entityArn: arn,
        keepPolicyArns: policyArns,
        detachPolicyArns: policyArns,
        deleteInlineNames: z.array(z.string().min(1).max(128)).max(50),
      })
      .parse(input);
    const done = await replaceBroadPolicies({ ...p, actor: session.username });
    return {
      replacementId: done.replacementId,
      detached: done.detached.map((d) => d.name),
      deletedInline: done.deletedInline.map((d) => d.name),
      attached: done.attached,
    };
  });
}

/** Undo a replacement: re-attach what it detached, re-create what it deleted. Admins only. */
export async function undoReplacementAction(input: { replacementId: string }) {
  return runAction(async () => {
    const session = await requireSession({ admin: true, action: "undo a replacement" });
    const id = z.string().uuid("Unknown replacement.").parse(input.replacementId);
    return undoPolicyReplacement({ replacementId: id, actor: session.username });
  });
}

/** The policy page's Detach. Admins only. */
export async function detachPolicyAction(input: { entityArn: string; policyArn: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "detach policies" });
    const p = z.object({ entityArn: arn, policyArn: arn }).parse(input);
    await detachManagedPolicy(p);
    return { detached: true };
  });
}

/** The policy page's Delete (refused while attached, as IAM refuses). Admins only. */
export async function deletePolicyAction(input: { policyArn: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "delete policies" });
    return deleteManagedPolicy({ arn: arn.parse(input.policyArn) });
  });
}
