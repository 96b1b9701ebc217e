// The "Unused permissions" comparison for a role or user: its managed and inline policies today
// against the actions its active generation saw, and against the new policy (the wizard's text, the
// saved draft, or the policy built from the selection).
import { splitPolicyDocument } from "@/lib/core/policy";
import { getEntity } from "@/lib/iam/get-entity";
import { getInlinePolicies } from "@/lib/iam/get-inline-policies";
import type { EntityDetail } from "@/lib/iam/types";
import { buildWizardPolicy } from "./build-wizard-policy";
import { comparePermissions, type PermissionComparison } from "./compare-permissions";
import { getActiveWizardJob, getWizardJob } from "./get-wizard-job";

export interface PermissionComparisonView {
  comparison: PermissionComparison;
  /** null without a successful generation in the retention period */
  window: { start: string; end: string } | null;
  jobId: string | null;
  /** where the new policy came from */
  proposedFrom: "editor" | "draft" | "built" | null;
  /** the entity's policies today, for choosing what to replace */
  attached: { name: string; arn: string; awsManaged: boolean }[];
  inline: string[];
}

function parts(text: string): unknown[] | null {
  try {
    return splitPolicyDocument(JSON.parse(text) as object);
  } catch {
    try {
      return [JSON.parse(text)];
    } catch {
      return null;
    }
  }
}

export async function getPermissionComparison(options: {
  entityArn: string;
  jobId?: string;
  proposedText?: string;
  /** the entity already loaded with its documents (saves the IAM calls) */
  entity?: EntityDetail;
}): Promise<PermissionComparisonView> {
  const [entity, inline, job] = await Promise.all([
    options.entity?.attachedPolicies.every((p) => p.document !== undefined)
      ? options.entity
      : getEntity({ arn: options.entityArn, withDocuments: true }),
    getInlinePolicies({ entityArn: options.entityArn }),
    options.jobId ? getWizardJob({ jobId: options.jobId }) : getActiveWizardJob({ principalArn: options.entityArn }),
  ]);
  let proposed: unknown[] | null = null;
  let proposedFrom: PermissionComparisonView["proposedFrom"] = null;
  if (job) {
    const text = options.proposedText ?? job.documentText ?? buildWizardPolicy({ usage: job.usage, selection: job.selection }).text;
    proposedFrom = options.proposedText !== undefined ? "editor" : job.documentText !== null ? "draft" : "built";
    proposed = parts(text);
  }
  const comparison = comparePermissions({
    current: [
      ...entity.attachedPolicies.map((p) => ({ kind: "managed" as const, name: p.name, document: p.document ?? "" })),
      ...inline.map((p) => ({ kind: "inline" as const, name: p.name, document: p.document })),
    ],
    used: job ? Object.keys(job.usage.actions) : [],
    proposed,
  });
  return {
    comparison,
    window: job?.window ?? null,
    jobId: job?.jobId ?? null,
    proposedFrom,
    attached: entity.attachedPolicies.map((p) => ({ name: p.name, arn: p.arn, awsManaged: p.awsManaged })),
    inline: inline.map((p) => p.name),
  };
}
