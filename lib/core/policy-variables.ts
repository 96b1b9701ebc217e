/**
 * `${...}` in policy text: IAM policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`,
 * `${saml:sub}`, `${www.amazon.com:user_id}`, the special `${*}`, `${?}`, `${$}`, and the default
 * form `${aws:username, 'anonymous'}`) are resolved by IAM at request time; anything else
 * (`${Region}`, `${BucketName}`) is a placeholder of a generated policy that a person must fill.
 */

const VARIABLE = /\$\{([^}]*)\}/g;
const POLICY_VARIABLE = /^[A-Za-z0-9.-]+:[A-Za-z0-9_\-/.:]+(\s*,\s*'[^']*')?$/;
const SPECIAL = new Set(["*", "?", "$"]);

export function isPolicyVariable(inner: string): boolean {
  return SPECIAL.has(inner) || POLICY_VARIABLE.test(inner.trim());
}

/** The placeholders (not policy variables) in a string, in order, e.g. ["Region", "Account"]. */
export function placeholdersIn(value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(VARIABLE)) if (!isPolicyVariable(m[1])) out.push(m[1]);
  return out;
}
