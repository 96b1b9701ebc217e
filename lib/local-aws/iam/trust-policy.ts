// Trust policies (CreateRole's AssumeRolePolicyDocument) have their own grammar: a Principal is
// required, a Resource is forbidden, and only sts:AssumeRole* actions make sense.
import { JsonSyntaxError, parseJsonAst, toValue } from "@/lib/core/json-ast";
import { limitExceeded, malformedPolicy } from "./iam-error";
import { countedLength, TRUST_POLICY_MAX_CHARS } from "./policy-size";
import { checkPolicyDocumentText } from "./rules";

const TRUST_ACTIONS = /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity|SetContext|\*)$/i;

export function checkTrustPolicy(value: string | undefined): string {
  const text = checkPolicyDocumentText(value, "assumeRolePolicyDocument");
  let doc: unknown;
  try {
    // The core's parser bounds the nesting depth (JSON.parse accepts any depth).
    doc = toValue(parseJsonAst(text));
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw malformedPolicy(
      /levels deep/.test(error.message) ? `This policy contains invalid Json: ${error.message}` : "This policy contains invalid Json",
    );
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
