import { CoreError } from "./errors";

export const MANAGED_POLICY_MAX_CHARS = 6144;

type Statement = Record<string, unknown> & { Sid?: string; Action?: string | string[] };
type PolicyDoc = { Version?: string; Statement?: Statement[] | Statement } & Record<string, unknown>;

/** The length IAM checks against its quotas: characters of the text without white space. */
export function policyLength(doc: string): number {
  let n = 0;
  for (let i = 0; i < doc.length; i++) {
    const c = doc.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) n++;
  }
  return n;
}

const compactLength = (value: unknown) => policyLength(JSON.stringify(value));

const GENERATED_SID = /^(SupportedServiceSid|ServiceLevelTemplateSid)\d+$/;

/**
 * Renumbers generated Sids in order across the whole set (each family separately), so a Sid names
 * one statement among all the policies attached from one generation, and split pieces get their own.
 */
function renumber(statements: Statement[], next: Record<string, number>): Statement[] {
  return statements.map((s) => {
    const m = typeof s.Sid === "string" ? GENERATED_SID.exec(s.Sid) : null;
    if (!m) return s;
    const family = m[1];
    const n = next[family] ?? 0;
    next[family] = n + 1;
    return { ...s, Sid: `${family}${n}` };
  });
}

function withList(s: Statement, key: string, items: string[]): Statement {
  const out: Statement = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === key ? (items.length === 1 ? items[0] : items) : v;
  return out;
}

/**
 * Splits a statement too long for one policy into statements that each fit: by its Action list,
 * else by its Resource list (both keep the meaning: the pieces allow or deny exactly the union).
 * NotAction and NotResource lists cannot be split without changing what they mean. Pieces after
 * the first get "PartN" appended to a hand-written Sid so Sids stay unique.
 */
function splitStatement(s: Statement, budget: number): Statement[] {
  const key =
    Array.isArray(s.Action) && s.Action.length > 1
      ? "Action"
      : Array.isArray(s.Resource) && (s.Resource as unknown[]).length > 1
        ? "Resource"
        : null;
  const fail = (): never => {
    throw new CoreError("INVALID_POLICY", `A statement (${String(s.Sid ?? "without Sid")}) cannot fit in one managed policy even alone.`);
  };
  if (!key) return fail();
  const items = (s[key] as unknown[]).map(String);
  const renamed = typeof s.Sid === "string" && !GENERATED_SID.test(s.Sid);
  const base = compactLength(withList(s, key, [])) + (renamed ? 8 : 0); // room for a "PartNN" suffix
  const pieces: string[][] = [];
  let current: string[] = [];
  let length = base;
  for (const item of items) {
    const add = compactLength(item) + (current.length > 0 ? 1 : 0); // and a comma
    if (current.length > 0 && length + add > budget) {
      pieces.push(current);
      current = [];
      length = base;
    }
    current.push(item);
    length += compactLength(item) + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) pieces.push(current);
  const out = pieces.map((list, i) => {
    const piece = withList(s, key, list);
    if (i > 0 && renamed) piece.Sid = `${s.Sid}Part${i + 1}`;
    return piece;
  });
  for (const piece of out) if (compactLength(piece) > budget) fail();
  return out;
}

/**
 * Splits a policy document longer than the managed-policy limit into several documents, each valid
 * on its own and under the limit. Statements keep their order and are packed greedily; a statement
 * too long by itself is split by its actions (or resources). Generated Sids are renumbered in order across the documents.
 * Deterministic. A document within the limit comes back unchanged.
 */
export function splitPolicyDocument(doc: object, maxChars: number = MANAGED_POLICY_MAX_CHARS): object[] {
  const policy = doc as PolicyDoc;
  if (compactLength(policy) <= maxChars) return [doc];
  return pack(policy, maxChars, 0);
}

function pack(policy: PolicyDoc, limit: number, margin: number): object[] {
  const maxChars = limit - margin;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement ? [policy.Statement] : [];
  const shell = (list: Statement[]): PolicyDoc => ({ ...policy, Statement: list });
  const emptyLength = compactLength(shell([]));
  const budget = maxChars - emptyLength; // a lone statement must fit in this
  const docs: Statement[][] = [];
  let current: Statement[] = [];
  let currentLength = emptyLength;
  for (const statement of statements) {
    const pieces = compactLength(statement) > budget ? splitStatement(statement, budget) : [statement];
    for (const piece of pieces) {
      const pieceLength = compactLength(piece) + (current.length > 0 ? 1 : 0); // the comma
      if (current.length > 0 && currentLength + pieceLength > maxChars) {
        docs.push(current);
        current = [];
        currentLength = emptyLength;
      }
      currentLength += compactLength(piece) + (current.length > 0 ? 1 : 0);
      current.push(piece);
    }
  }
  if (current.length > 0) docs.push(current);
  const counters: Record<string, number> = {};
  const out = docs.map((list) => shell(renumber(list, counters)));
  // Renumbering lengthens Sids when pieces were added: pack again with a margin if that overflows.
  if (out.some((d) => compactLength(d) > limit) && margin < 64) return pack(policy, limit, margin + 8);
  return out;
}
