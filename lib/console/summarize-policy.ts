import { getActionInfo, matchActions } from "@/lib/core/catalog";
import type { SummaryRow } from "./policy-analysis-types";

const list = (v: unknown): string[] =>
  typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/**
 * The Review step's summary: what a policy allows, by service and access level, with its resources
 * and condition keys (as IAM's policy summary shows them). Wildcard actions are expanded through
 * the catalog; NotAction statements are listed as such.
 */
export function summarizePolicy(doc: unknown): SummaryRow[] {
  const statements = (doc as { Statement?: unknown })?.Statement;
  const all = Array.isArray(statements) ? statements : statements && typeof statements === "object" ? [statements] : [];
  const rows = new Map<string, SummaryRow & { actionSet: Set<string>; resourceSet: Set<string>; conditionSet: Set<string> }>();
  for (const raw of all) {
    const st = (raw ?? {}) as Record<string, unknown>;
    const effect = st.Effect === "Deny" ? "Deny" : "Allow";
    const resources = st.NotResource !== undefined ? list(st.NotResource).map((r) => `not ${r}`) : list(st.Resource);
    const conditions =
      st.Condition && typeof st.Condition === "object"
        ? Object.entries(st.Condition as Record<string, unknown>).flatMap(([op, body]) =>
            body && typeof body === "object" ? Object.keys(body).map((k) => `${k} (${op})`) : [],
          )
        : [];
    const actionsOf =
      st.NotAction !== undefined
        ? list(st.NotAction).map((a) => ({ name: a, level: "All except" }))
        : list(st.Action).flatMap((a) => expand(a));
    for (const { name, level } of actionsOf) {
      const service = name.includes(":") ? name.split(":")[0].toLowerCase() : "*";
      const accessLevel = effect === "Deny" ? `Deny ${level}` : level;
      const key = `${service}\n${accessLevel}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          service,
          accessLevel,
          actions: [],
          resources: [],
          conditions: [],
          actionSet: new Set(),
          resourceSet: new Set(),
          conditionSet: new Set(),
        };
        rows.set(key, row);
      }
      row.actionSet.add(name);
      resources.forEach((r) => row!.resourceSet.add(r));
      conditions.forEach((c) => row!.conditionSet.add(c));
    }
  }
  return [...rows.values()]
    .map(({ actionSet, resourceSet, conditionSet, ...r }) => ({
      ...r,
      actions: [...actionSet].sort(),
      resources: [...resourceSet].sort(),
      conditions: [...conditionSet].sort(),
    }))
    .sort((a, b) => a.service.localeCompare(b.service) || a.accessLevel.localeCompare(b.accessLevel));
}

function expand(action: string): { name: string; level: string }[] {
  if (action.includes("*") || action.includes("?")) {
    const matched = matchActions(action);
    if (matched.length === 0) return [{ name: action, level: "Unknown" }];
    return matched.map((name) => ({ name, level: getActionInfo(name)?.accessLevel ?? "Unknown" }));
  }
  const info = getActionInfo(action);
  return [{ name: info?.name ?? action, level: info?.accessLevel ?? "Unknown" }];
}
