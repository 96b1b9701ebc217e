import { templateRegex } from "./arn-template";
import { CoreError } from "./errors";
import { placeholdersIn } from "./policy-variables";
import type { UsageSummary } from "./types";

type Statement = { Sid?: string; Action?: string | string[]; NotAction?: string | string[]; Resource?: string | string[] } & Record<
  string,
  unknown
>;
type Doc = { Statement?: Statement | Statement[] } & Record<string, unknown>;

export interface PlaceholderSite {
  statementIndex: number;
  sid?: string;
  /** JSON path of the resource string, e.g. ["Statement", 3, "Resource"] or [..., "Resource", 1] */
  path: (string | number)[];
  resource: string;
  /** placeholder names in order, e.g. ["Region", "Account", "InstanceId"] */
  placeholders: string[];
  actions: string[];
}

function statementsOf(doc: Doc): Statement[] {
  if (!doc || typeof doc !== "object") throw new CoreError("INVALID_POLICY", "The policy document must be a JSON object.");
  const s = doc.Statement;
  return Array.isArray(s) ? s : s && typeof s === "object" ? [s] : [];
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];

/** Every resource string that still holds placeholders (policy variables such as ${aws:username} are not placeholders). */
export function listPlaceholders(doc: object): PlaceholderSite[] {
  const d = doc as Doc;
  const isArray = Array.isArray(d.Statement);
  const out: PlaceholderSite[] = [];
  statementsOf(d).forEach((s, i) => {
    const base: (string | number)[] = isArray ? ["Statement", i] : ["Statement"];
    const resources = s.Resource;
    const entries: [string, (string | number)[]][] = Array.isArray(resources)
      ? resources.map((r, j) => [r, [...base, "Resource", j]])
      : typeof resources === "string"
        ? [[resources, [...base, "Resource"]]]
        : [];
    for (const [resource, path] of entries) {
      if (typeof resource !== "string") continue;
      const placeholders = placeholdersIn(resource);
      if (placeholders.length === 0) continue;
      const site: PlaceholderSite = { statementIndex: i, path, resource, placeholders, actions: list(s.Action) };
      if (typeof s.Sid === "string") site.sid = s.Sid;
      out.push(site);
    }
  });
  return out;
}

/** Observed resource ARNs (from the evidence of the statement's actions) that fit a template. */
export function observedArnsForTemplate(template: string, actions: readonly string[], usage: UsageSummary): string[] {
  const re = templateRegex(template);
  const found = new Set<string>();
  for (const action of actions) {
    for (const arn of usage.actions[action]?.resourceArns ?? []) if (re.test(arn)) found.add(arn);
  }
  return [...found].sort();
}

function cloneWithStatement(doc: Doc, index: number, update: (s: Statement) => Statement): Doc {
  const statements = statementsOf(doc);
  if (!Number.isInteger(index) || index < 0 || index >= statements.length) {
    throw new CoreError("INVALID_POLICY", `The policy has no statement ${index}.`);
  }
  const copy = structuredClone(doc) as Doc;
  if (Array.isArray(copy.Statement)) copy.Statement[index] = update(copy.Statement[index]);
  else copy.Statement = update(copy.Statement as Statement);
  return copy;
}

/**
 * Replaces a templated resource of a statement with concrete ARNs (usually observed ones). Each
 * ARN must fit the template, so a bucket ARN cannot land where an object ARN belongs. Resource
 * becomes a string for one ARN and a list for several. Returns a new document.
 */
export function fillPlaceholder(doc: object, target: { statementIndex: number; resource?: string; arns: string[] }): object {
  const arns = [...new Set(target.arns)];
  if (arns.length === 0) throw new CoreError("INVALID_POLICY", "Choose at least one ARN.");
  return cloneWithStatement(doc as Doc, target.statementIndex, (s) => {
    const resources = list(s.Resource);
    const template = target.resource ?? resources.find((r) => placeholdersIn(r).length > 0);
    if (template === undefined || !resources.includes(template)) {
      throw new CoreError(
        "UNKNOWN_PLACEHOLDER",
        `Statement ${target.statementIndex} has no resource ${template === undefined ? "with placeholders" : `"${template}"`}.`,
      );
    }
    const re = templateRegex(template);
    for (const arn of arns) {
      if (!re.test(arn)) throw new CoreError("INVALID_POLICY", `"${arn}" does not fit the template "${template}".`, { field: "arns" });
    }
    const next = resources.flatMap((r) => (r === template ? arns : [r]));
    const unique = [...new Set(next)];
    return { ...s, Resource: unique.length === 1 ? unique[0] : unique };
  });
}

/**
 * Replaces one placeholder variable (e.g. Account) with a value in a statement's resources, or in
 * every statement when statementIndex is omitted. Values may be "*" (any). Returns a new document.
 */
export function fillVariable(doc: object, target: { name: string; value: string; statementIndex?: number }): object {
  if (!/^[^${}]+$/.test(target.value))
    throw new CoreError("INVALID_POLICY", "A placeholder value must not contain $, { or }.", { field: "value" });
  const token = `\${${target.name}}`;
  const replace = (s: Statement): Statement => {
    if (Array.isArray(s.Resource))
      return { ...s, Resource: s.Resource.map((r) => (typeof r === "string" ? r.split(token).join(target.value) : r)) };
    if (typeof s.Resource === "string") return { ...s, Resource: s.Resource.split(token).join(target.value) };
    return s;
  };
  const d = doc as Doc;
  if (target.statementIndex !== undefined) return cloneWithStatement(d, target.statementIndex, replace);
  const copy = structuredClone(d);
  if (Array.isArray(copy.Statement)) copy.Statement = copy.Statement.map(replace);
  else if (copy.Statement) copy.Statement = replace(copy.Statement);
  return copy;
}
