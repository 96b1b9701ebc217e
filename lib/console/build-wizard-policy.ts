import { getActionInfo } from "@/lib/core/catalog";
import { passRoleStatements } from "@/lib/core/passrole";
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
 * from the usage after the user's removals and additions, plus iam:PassRole on the role ARNs the
 * user accepted, each statement narrowed by iam:PassedToService (passRoleStatements). An accepted
 * instance profile, or a role whose service is not known, gets no statement: they come back in
 * `passRoleLeftOut`. One document; splitting happens only when the policy is created.
 */
export function buildWizardPolicy(options: { usage: UsageSummary; selection: DraftSelection }): {
  text: string;
  isComplete: boolean;
  passRoleLeftOut: string[];
} {
  const usage = applySelection(options.usage, options.selection, catalogLookup);
  const { document } = buildPolicyDocument(usage, { includeResourcePlaceholders: true, includeServiceLevelTemplate: false });
  const accepted = options.selection.acceptedPassRoles.map((arn) => options.usage.passRole[arn]).filter((s) => s !== undefined);
  const { statements, needsRole, needsService } = passRoleStatements(accepted, PASSROLE_SID);
  for (const st of statements) (document.Statement as unknown[]).push(st);
  const original = buildPolicyDocument(options.usage, { includeResourcePlaceholders: false, includeServiceLevelTemplate: false });
  return {
    text: JSON.stringify(document, null, 2),
    isComplete: original.isComplete,
    passRoleLeftOut: [...needsRole, ...needsService].sort(),
  };
}
