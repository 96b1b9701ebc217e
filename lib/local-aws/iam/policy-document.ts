// Content rules for identity policies sent to the local IAM endpoint: the core's validator (the same
// findings the editor shows) decides MalformedPolicyDocument; the size quota gives LimitExceeded.
import { validatePolicyDocument } from "@/lib/core/validate-policy";
import type { PolicyFinding } from "@/lib/core/types";
import { limitExceeded, malformedPolicy } from "./iam-error";
import { countedLength, MANAGED_POLICY_MAX_CHARS } from "./policy-size";
import { checkPolicyDocumentText } from "./rules";

export { countedLength } from "./policy-size";

export function checkIdentityPolicy(value: string | undefined, opts: { managed: boolean; param?: string }): string {
  const text = checkPolicyDocumentText(value, opts.param);
  const errors = validatePolicyDocument(text, { kind: "identity", placeholders: "error" }).filter(
    (f: PolicyFinding) => f.severity === "error" && f.code !== "TOO_LONG",
  );
  if (errors.length > 0) {
    const detail = errors
      .slice(0, 3)
      .map((f: PolicyFinding) => f.message)
      .join("; ");
    throw malformedPolicy(errors.length > 3 ? `${detail} (and ${errors.length - 3} more)` : detail);
  }
  if (opts.managed && countedLength(text) > MANAGED_POLICY_MAX_CHARS) {
    throw limitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_MAX_CHARS}`);
  }
  return text;
}
