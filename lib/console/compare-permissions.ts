// What an entity is granted today against what it used and what a new policy would keep (pure).
//
// Granted actions are expanded through the IAM catalog: "s3:Get*" and "*" become every catalog
// action they match, a NotAction statement grants every catalog action it does not exclude. A Deny
// statement on every resource without conditions takes its actions away again; a Deny limited by
// resources or conditions does not (the action is still granted somewhere), so "granted" never
// under-counts. Resources and conditions of Allow statements are not compared: an action granted on
// one bucket counts as granted.
import { getActionInfo, getServiceName, listServices, getServiceActions, matchActions } from "@/lib/core/catalog";

export interface RemovedAction {
  action: string;
  accessLevel: string;
}

export interface ServiceRemoval {
  service: string;
  serviceName?: string;
  /** sensitive first (Permissions management, Write, Tagging), then Read, List; by name within a level; at most MAX_LISTED */
  actions: RemovedAction[];
  /** how many actions in all (actions may list fewer) */
  total: number;
  /** Permissions management, Write and Tagging actions */
  sensitive: number;
  /** actions per access level */
  byLevel: Record<string, number>;
}

/** Actions listed per service (a service granted with "*" can have hundreds; the counts stay exact). */
export const MAX_LISTED = 60;

export interface PermissionComparison {
  granted: { actions: number; services: number };
  used: { actions: number; services: number };
  /** granted but not used in the window */
  unused: { actions: number; services: number };
  /** what the new policy grants (null when there is none to compare with) */
  kept: { actions: number; services: number } | null;
  /** granted today and not by the new policy (or, without one, granted and unused), sensitive services first */
  removed: ServiceRemoval[];
  /** the policy documents compared, by source */
  sources: { kind: "managed" | "inline"; name: string; actions: number }[];
}

const LEVEL_RANK: Record<string, number> = { "Permissions management": 0, Write: 1, Tagging: 2, Read: 3, List: 4 };
const SENSITIVE = new Set(["Permissions management", "Write", "Tagging"]);
const list = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

let everyAction: string[] | null = null;
function allActions(): string[] {
  everyAction ??= listServices().flatMap((s) => getServiceActions(s));
  return everyAction;
}

function expand(pattern: string): string[] {
  if (/[*?]/.test(pattern)) return matchActions(pattern);
  const info = getActionInfo(pattern);
  return info ? [info.name] : [];
}

function statementsOf(doc: unknown): Record<string, unknown>[] {
  let parsed = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const st = (parsed as { Statement?: unknown } | null)?.Statement;
  const all = Array.isArray(st) ? st : st && typeof st === "object" ? [st] : [];
  return all.filter((s): s is Record<string, unknown> => !!s && typeof s === "object");
}

function actionsOfStatement(s: Record<string, unknown>): Set<string> {
  if (s.NotAction !== undefined) {
    const excluded = new Set(list(s.NotAction).flatMap(expand));
    return new Set(allActions().filter((a) => !excluded.has(a)));
  }
  return new Set(list(s.Action).flatMap(expand));
}

/** Every catalog action the documents allow (catalog spelling), after unconditional Deny on "*". */
export function grantedActions(documents: unknown[]): Set<string> {
  const allowed = new Set<string>();
  const denied = new Set<string>();
  for (const doc of documents) {
    for (const s of statementsOf(doc)) {
      const actions = actionsOfStatement(s);
      if (s.Effect === "Allow") for (const a of actions) allowed.add(a);
      else if (s.Effect === "Deny" && s.Condition === undefined && s.NotResource === undefined && list(s.Resource).includes("*")) {
        for (const a of actions) denied.add(a);
      }
    }
  }
  for (const a of denied) allowed.delete(a);
  return allowed;
}

const count = (actions: Iterable<string>) => {
  const names = [...actions];
  return { actions: names.length, services: new Set(names.map((a) => a.split(":")[0].toLowerCase())).size };
};

/** Groups actions by service, sensitive services and levels first. */
export function groupRemovals(actions: Iterable<string>): ServiceRemoval[] {
  const byService = new Map<string, RemovedAction[]>();
  for (const action of actions) {
    const info = getActionInfo(action);
    const service = action.split(":")[0].toLowerCase();
    const row = { action: info?.name ?? action, accessLevel: info?.accessLevel ?? "Unknown" };
    byService.set(service, [...(byService.get(service) ?? []), row]);
  }
  const rank = (l: string) => LEVEL_RANK[l] ?? 5;
  return [...byService.entries()]
    .map(([service, rows]) => {
      rows.sort((a, b) => rank(a.accessLevel) - rank(b.accessLevel) || (a.action < b.action ? -1 : 1));
      const byLevel: Record<string, number> = {};
      for (const r of rows) byLevel[r.accessLevel] = (byLevel[r.accessLevel] ?? 0) + 1;
      const out: ServiceRemoval = {
        service,
        actions: rows.slice(0, MAX_LISTED),
        total: rows.length,
        sensitive: rows.filter((r) => SENSITIVE.has(r.accessLevel)).length,
        byLevel,
      };
      const name = getServiceName(service);
      if (name) out.serviceName = name;
      return out;
    })
    .sort((a, b) => b.sensitive - a.sensitive || b.total - a.total || (a.service < b.service ? -1 : 1));
}

export function comparePermissions(options: {
  /** the entity's policies today */
  current: { kind: "managed" | "inline"; name: string; document: unknown }[];
  /** actions used in the window (usage.actions keys) */
  used: string[];
  /** the new policy's documents (split parts), or null */
  proposed: unknown[] | null;
}): PermissionComparison {
  const granted = grantedActions(options.current.map((c) => c.document));
  const used = new Set(options.used.map((a) => getActionInfo(a)?.name ?? a));
  const unused = [...granted].filter((a) => !used.has(a));
  const kept = options.proposed ? grantedActions(options.proposed) : null;
  const removed = kept ? [...granted].filter((a) => !kept.has(a)) : unused;
  return {
    granted: count(granted),
    used: count(used),
    unused: count(unused),
    kept: kept ? count(kept) : null,
    removed: groupRemovals(removed),
    sources: options.current.map((c) => ({ kind: c.kind, name: c.name, actions: grantedActions([c.document]).size })),
  };
}
