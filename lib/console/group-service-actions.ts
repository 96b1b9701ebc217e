import { getActionInfo, getServiceActions, serviceExists } from "@/lib/core/catalog";

const LEVEL_ORDER = ["List", "Read", "Write", "Permissions management", "Tagging"];

/** A service's actions grouped by access level in the IAM console's order; null for an unknown service. */
export function groupServiceActions(
  service: string,
): { accessLevel: string; actions: { name: string; resourceTypes: string[] }[] }[] | null {
  if (!serviceExists(service)) return null;
  const groups = new Map<string, { name: string; resourceTypes: string[] }[]>();
  for (const name of getServiceActions(service)) {
    const info = getActionInfo(name);
    const level = info?.accessLevel ?? "Unknown";
    const list = groups.get(level) ?? [];
    list.push({ name, resourceTypes: (info?.resourceTypes ?? []).filter((r) => r.required).map((r) => r.name) });
    groups.set(level, list);
  }
  const rank = (l: string) => (LEVEL_ORDER.indexOf(l) === -1 ? LEVEL_ORDER.length : LEVEL_ORDER.indexOf(l));
  return [...groups.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))
    .map(([accessLevel, actions]) => ({ accessLevel, actions }));
}
