import { getActionInfo, matchActions } from "./catalog";
import { serviceReferenceResources } from "./operation-map";
import type { PolicyFinding } from "./types";

/** Access levels whose actions change things: never silently on "*". */
const CHANGING = new Set(["Write", "Permissions management"]);
export const UNSCOPED_WRITE = "UNSCOPED_WRITE";

/** The resource types an action acts on, following AWS's Service Reference where it disagrees with the catalog. */
export function actionResourceTypeNames(action: string): string[] {
  const info = getActionInfo(action);
  if (!info) return [];
  const sr = serviceReferenceResources(info.name);
  const names = info.resourceTypes.map((r) => r.name);
  return sr ? names.filter((n) => sr.includes(n.toLowerCase())) : names;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Write and permissions-management actions that act on a resource type but are allowed on "*"
 * (s3:DeleteObject on "*" deletes any object of any bucket). Each is a warning the administrator
 * must acknowledge before creating the policy, unless the statement is scoped. Deny statements and
 * the inert service-level templates (they carry a condition) are not reported; patterns are
 * expanded against the catalog.
 */
export function unscopedWriteFindings(doc: unknown): PolicyFinding[] {
  const statements = (doc as { Statement?: unknown } | null)?.Statement;
  const out: PolicyFinding[] = [];
  list(statements).forEach((st, i) => {
    if (!st || typeof st !== "object") return;
    const s = st as Record<string, unknown>;
    if (s.Effect !== "Allow" || s.Condition !== undefined || !list(s.Resource).includes("*")) return;
    const actions = list(s.Action);
    actions.forEach((a, j) => {
      if (typeof a !== "string") return;
      const names = a.includes("*") || a.includes("?") ? (a === "*" ? [] : matchActions(a)) : [a];
      const risky = names.filter((n) => {
        const info = getActionInfo(n);
        return !!info && info.accessLevels.some((l) => CHANGING.has(l)) && actionResourceTypeNames(info.name).length > 0;
      });
      if (a === "*" || risky.length > 0) {
        const info = getActionInfo(risky[0] ?? "");
        const what =
          a === "*"
            ? "every action"
            : risky.length === 1 && info
              ? `${info.name} (${info.accessLevels.join(", ")}) acts on ${actionResourceTypeNames(info.name).join(", ")} resources`
              : `${a} matches ${risky.length} write or permissions-management actions that act on resources`;
        out.push({
          severity: "warning",
          code: UNSCOPED_WRITE,
          message: `${what} but is allowed on every resource ("*"). Scope it to the ARNs it needs, or acknowledge that it may change any resource.`,
          path: Array.isArray(s.Action) ? ["Statement", i, "Action", j] : ["Statement", i, "Action"],
        });
      }
    });
  });
  return out;
}
