// Content rules for policy documents sent to the local IAM endpoint. Identity policies go through the
// core's validator (the same findings the editor shows); trust policies have their own, smaller
// grammar (a Principal is required, a Resource is forbidden).
import { validatePolicyDocument } from "@/lib/core/validate-policy";
import { limitExceeded, malformedPolicy } from "./iam-error";
import { checkPolicyDocumentText } from "./rules";

export const MANAGED_POLICY_MAX_CHARS = 6144;
export const TRUST_POLICY_MAX_CHARS = 2048;

/** Characters that count against IAM's size quotas: white space is not counted. */
export function countedLength(text: string): number {
  return text.replace(/\s/g, "").length;
}

export function checkIdentityPolicy(value: string | undefined, opts: { managed: boolean; param?: string }): string {
  const text = checkPolicyDocumentText(value, opts.param);
  const errors = validatePolicyDocument(text, { kind: "identity" }).filter(
    (f) => f.severity === "error" && f.code !== "TOO_LONG",
  );
  if (errors.length > 0) {
    const detail = errors.slice(0, 3).map((f) => f.message).join("; ");
    throw malformedPolicy(errors.length > 3 ? `${detail} (and ${errors.length - 3} more)` : detail);
  }
  if (opts.managed && countedLength(text) > MANAGED_POLICY_MAX_CHARS) {
    throw limitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_MAX_CHARS}`);
  }
  return text;
}

const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

export function checkTrustPolicy(value: string | undefined): string {
  const text = checkPolicyDocumentText(value, "assumeRolePolicyDocument");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw malformedPolicy("This policy contains invalid Json");
  }
  if (!isObject(doc)) throw malformedPolicy("This policy contains invalid Json");
  if (doc.Version !== undefined && doc.Version !== "2012-10-17" && doc.Version !== "2008-10-17") {
    throw malformedPolicy("The policy must contain a valid version string");
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement === undefined ? [] : [doc.Statement];
  if (statements.length === 0) throw malformedPolicy("Syntax errors in policy. The policy has no Statement.");
  for (const st of statements) {
    if (!isObject(st)) throw malformedPolicy("Syntax errors in policy.");
    if (st.Effect !== "Allow" && st.Effect !== "Deny") throw malformedPolicy("Invalid effect: " + String(st.Effect));
    if (st.Resource !== undefined || st.NotResource !== undefined) throw malformedPolicy("Has prohibited field Resource");
    if (st.Principal === undefined && st.NotPrincipal === undefined) {
      throw malformedPolicy("AssumeRolepolicy contained an invalid principal: Missing required field Principal");
    }
    const actions = st.Action === undefined ? [] : Array.isArray(st.Action) ? st.Action : [st.Action];
    if (actions.length === 0) throw malformedPolicy("Missing required field Action");
    for (const action of actions) {
      if (typeof action !== "string" || !TRUST_ACTIONS.test(action)) {
        throw malformedPolicy(`Trust policy action ${JSON.stringify(action)} is not an sts:AssumeRole* action`);
      }
    }
  }
  if (countedLength(text) > TRUST_POLICY_MAX_CHARS) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_MAX_CHARS}`);
  }
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
