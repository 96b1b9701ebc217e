import { getActionInfo } from "@/lib/core/catalog";
import { buildPolicyDocument } from "@/lib/core/policy";
import type { UsageSummary } from "@/lib/core/types";
import { applySelection, type DraftSelection } from "./draft-selection";

export const PASSROLE_SID = "SuggestedPassRole";

export function catalogLookup(action: string): { name: string; accessLevel?: string } | undefined {
  const info = getActionInfo(action);
  return info ? { name: info.name, accessLevel: info.accessLevel } : undefined;
}

/**
 * The policy the wizard starts the editor with: the generated format (placeholders on), built
 * from the usage after the user's removals and additions, plus iam:PassRole on exactly the role
 * ARNs the user accepted. One document; splitting happens only when the policy is created.
 */
export function buildWizardPolicy(options: { usage: UsageSummary; selection: DraftSelection }): { text: string; isComplete: boolean } {
  const usage = applySelection(options.usage, options.selection, catalogLookup);
  const { document } = buildPolicyDocument(usage, { includeResourcePlaceholders: true, includeServiceLevelTemplate: false });
  const roles = options.selection.acceptedPassRoles.filter((arn) => options.usage.passRole[arn]);
  if (roles.length > 0) {
    (document.Statement as unknown[]).push({
      Sid: PASSROLE_SID,
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: roles.length === 1 ? roles[0] : roles,
    });
  }
  const original = buildPolicyDocument(options.usage, { includeResourcePlaceholders: false, includeServiceLevelTemplate: false });
  return { text: JSON.stringify(document, null, 2), isComplete: original.isComplete };
}
