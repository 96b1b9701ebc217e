// The "Trusted entities" column of the IAM console's Roles list, from a role's trust policy:
// "AWS service: ecs-tasks", "Account: 123456789012", "Identity provider: cognito-identity.amazonaws.com".
import { decodePolicyDocument } from "./decode-document";

const list = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

export function trustedEntities(encodedTrustPolicy: string | undefined): string[] {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(decodePolicyDocument(encodedTrustPolicy) || "{}");
  } catch {
    return [];
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  const out = new Set<string>();
  for (const s of statements as Record<string, unknown>[]) {
    if (!s || s.Effect !== "Allow") continue;
    const p = s.Principal;
    if (p === "*") {
      out.add("Anyone (*)");
      continue;
    }
    if (!p || typeof p !== "object") continue;
    const principal = p as Record<string, unknown>;
    for (const svc of list(principal.Service)) out.add(`AWS service: ${svc.replace(/\.amazonaws\.com(\.cn)?$/, "")}`);
    for (const aws of list(principal.AWS)) {
      if (aws === "*") out.add("Anyone (*)");
      else if (/^\d{12}$/.test(aws)) out.add(`Account: ${aws}`);
      else {
        const m = /^arn:[^:]+:iam::(\d{12}):(root|.+)$/.exec(aws);
        out.add(m ? (m[2] === "root" ? `Account: ${m[1]}` : `Account: ${m[1]} (${m[2]})`) : `AWS: ${aws}`);
      }
    }
    for (const fed of list(principal.Federated))
      out.add(`Identity provider: ${fed.replace(/^arn:[^:]+:iam::\d{12}:(oidc|saml)-provider\//, "")}`);
    for (const c of list(principal.CanonicalUser)) out.add(`Canonical user: ${c.slice(0, 12)}...`);
  }
  return [...out];
}
