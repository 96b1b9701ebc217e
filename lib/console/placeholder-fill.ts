import type { UsageSummary } from "@/lib/core/types";

/** A Resource string that still holds ${...} placeholders, with observed ARNs that fit it. */
export interface PlaceholderResource {
  resource: string;
  placeholders: string[];
  /** Sid or index of the statement(s) using it */
  statements: string[];
  actions: string[];
  /** observed ARNs (from the evidence) matching the template, most used first */
  candidates: string[];
}

const PLACEHOLDER = /\$\{([A-Za-z0-9]+)\}/g;

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A regex for the concrete ARNs an ARN template stands for. */
export function templateRegex(template: string): RegExp {
  let out = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += escapeRe(template.slice(last, m.index));
    const name = m[1];
    out += name === "Region" ? "[a-z0-9-]*" : name === "Account" ? "(?:\\d{12}|aws)?" : name === "Partition" ? "aws[a-z-]*" : ".+";
    last = (m.index ?? 0) + m[0].length;
  }
  out += escapeRe(template.slice(last));
  return new RegExp(`^${out}$`);
}

const asList = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** Every placeholder Resource in a policy document, with candidates from the usage's evidence. */
export function findPlaceholderResources(doc: unknown, usage: Pick<UsageSummary, "actions" | "passRole">): PlaceholderResource[] {
  const statements = (doc as { Statement?: unknown })?.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const byResource = new Map<string, PlaceholderResource>();
  list.forEach((st, i) => {
    const s = st as { Sid?: unknown; Action?: unknown; Resource?: unknown };
    const actions = asList(s.Action);
    for (const resource of asList(s.Resource)) {
      const names = [...resource.matchAll(PLACEHOLDER)].map((m) => m[0]);
      if (names.length === 0) continue;
      const entry = byResource.get(resource) ?? {
        resource,
        placeholders: [...new Set(names)],
        statements: [],
        actions: [],
        candidates: [],
      };
      entry.statements.push(typeof s.Sid === "string" ? s.Sid : `#${i + 1}`);
      entry.actions.push(...actions);
      byResource.set(resource, entry);
    }
  });
  const actionIndex = new Map(Object.entries(usage.actions).map(([k, v]) => [k.toLowerCase(), v]));
  for (const entry of byResource.values()) {
    const re = templateRegex(entry.resource);
    const counts = new Map<string, number>();
    for (const a of entry.actions) {
      const ev = actionIndex.get(a.toLowerCase());
      for (const arn of ev?.resourceArns ?? []) if (re.test(arn)) counts.set(arn, (counts.get(arn) ?? 0) + (ev?.calls ?? 0) + 1);
    }
    for (const arn of Object.keys(usage.passRole ?? {})) if (re.test(arn)) counts.set(arn, (counts.get(arn) ?? 0) + 1);
    entry.actions = [...new Set(entry.actions)].sort();
    entry.candidates = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([arn]) => arn)
      .slice(0, 25);
  }
  return [...byResource.values()];
}

/**
 * Replaces one Resource string in the text with a value (keeping JSON escaping); returns the new
 * text, or null when the resource no longer appears (the user edited it meanwhile).
 */
export function replaceResourceInText(text: string, resource: string, value: string): string | null {
  const needle = JSON.stringify(resource);
  if (!text.includes(needle)) return null;
  return text.split(needle).join(JSON.stringify(value));
}

/**
 * Fills every placeholder left: ${Account} with the entity's account (a policy should not reach
 * into other accounts by accident), ${Partition} with aws, everything else with "*". The ARN's
 * service and resource type stay, so this is still narrower than Resource "*".
 */
export function fillRemainingPlaceholders(text: string, accountId: string | undefined): string {
  return text.replace(PLACEHOLDER, (_m, name: string) =>
    name === "Account" && accountId ? accountId : name === "Partition" ? "aws" : "*",
  );
}

/**
 * Replaces `"Resource": "<template>"` with the list of observed ARNs (every resource the entity
 * used that fits the template); null when the template is not a whole Resource value any more.
 */
export function replaceResourceWithList(text: string, resource: string, values: string[]): string | null {
  const re = new RegExp(`("Resource"\\s*:\\s*)${JSON.stringify(resource).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g");
  if (!re.test(text)) return null;
  re.lastIndex = 0;
  const list = values.length === 1 ? JSON.stringify(values[0]) : `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
  return text.replace(re, (_m, head: string) => `${head}${list}`);
}
