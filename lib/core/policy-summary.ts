import { getActionInfo, getServiceName, matchActions, splitActionName } from "./catalog";
import { placeholdersIn } from "./policy-variables";

/** A statement as the review step shows it: who gets what, on which resources, under which conditions. */
export interface StatementSummary {
  index: number;
  sid?: string;
  effect: string;
  /** true for NotAction statements (the actions listed are the ones excluded) */
  notAction: boolean;
  services: ServiceSummary[];
  resources: string[];
  notResource: boolean;
  conditions: { operator: string; key: string; values: string[] }[];
  hasPlaceholders: boolean;
}

export interface ServiceSummary {
  service: string;
  serviceName?: string;
  /** actions as written (wildcards kept) */
  actions: string[];
  /** how many catalog actions the entries cover (wildcards expanded) */
  actionCount: number;
  /** access levels covered, sorted: List, Read, Write, Permissions management, Tagging */
  accessLevels: string[];
}

const LEVEL_ORDER = ["List", "Read", "Write", "Permissions management", "Tagging"];
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function summarizeActions(actions: string[]): ServiceSummary[] {
  const byService = new Map<string, { actions: Set<string>; expanded: Set<string> }>();
  for (const a of actions) {
    const service = a === "*" ? "*" : (splitActionName(a)?.service.toLowerCase() ?? "?");
    let entry = byService.get(service);
    if (!entry) byService.set(service, (entry = { actions: new Set(), expanded: new Set() }));
    entry.actions.add(a);
    for (const name of /[*?]/.test(a) ? matchActions(a) : [getActionInfo(a)?.name ?? a]) entry.expanded.add(name);
  }
  return [...byService.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([service, e]) => {
      const levels = new Set<string>();
      for (const name of e.expanded) for (const l of getActionInfo(name)?.accessLevels ?? []) levels.add(l);
      const out: ServiceSummary = {
        service,
        actions: [...e.actions].sort(),
        actionCount: [...e.expanded].filter((n) => getActionInfo(n)).length,
        accessLevels: [...levels].sort((a, b) => LEVEL_ORDER.indexOf(a) - LEVEL_ORDER.indexOf(b)),
      };
      const name = getServiceName(service);
      if (name) out.serviceName = name;
      return out;
    });
}

/** Per-statement summary of a policy document (object or JSON text). */
export function summarizePolicy(doc: object | string): StatementSummary[] {
  const parsed = (typeof doc === "string" ? JSON.parse(doc) : doc) as { Statement?: unknown };
  const statements = Array.isArray(parsed?.Statement) ? parsed.Statement : parsed?.Statement ? [parsed.Statement] : [];
  return statements.map((raw: Record<string, unknown>, index: number) => {
    const s = raw && typeof raw === "object" ? raw : {};
    const resources = asList(s.Resource ?? s.NotResource);
    const conditions: StatementSummary["conditions"] = [];
    const cond = s.Condition;
    if (cond && typeof cond === "object") {
      for (const [operator, keys] of Object.entries(cond as Record<string, unknown>)) {
        if (keys && typeof keys === "object") {
          for (const [key, values] of Object.entries(keys as Record<string, unknown>))
            conditions.push({ operator, key, values: asList(values) });
        }
      }
    }
    const summary: StatementSummary = {
      index,
      effect: String(s.Effect ?? ""),
      notAction: s.NotAction !== undefined && s.Action === undefined,
      services: summarizeActions(asList(s.Action ?? s.NotAction)),
      resources,
      notResource: s.NotResource !== undefined && s.Resource === undefined,
      conditions,
      hasPlaceholders: resources.some((r) => placeholdersIn(r).length > 0),
    };
    if (typeof s.Sid === "string") summary.sid = s.Sid;
    return summary;
  });
}
