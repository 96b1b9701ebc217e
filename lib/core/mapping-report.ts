import { serviceExists } from "./catalog";
import { mapEvent, serviceForEventSource } from "./mapping";
import { SOURCE_PREFIX_EXCEPTIONS } from "./mapping-tables";
import {
  allOperations,
  findOperation,
  operationMapVersion,
  policyGenerationSupported,
  prefixesServedBy,
  type OperationMapVersion,
} from "./operation-map";

/** The eventSource CloudTrail uses for an IAM prefix, as far as the mapping knows it. */
export function eventSourceFor(prefix: string): string | undefined {
  const own = `${prefix}.amazonaws.com`;
  if (serviceForEventSource(own) === prefix) return own;
  const key = Object.keys(SOURCE_PREFIX_EXCEPTIONS).find(
    (k) => SOURCE_PREFIX_EXCEPTIONS[k] === prefix && serviceForEventSource(`${k}.amazonaws.com`) === prefix,
  );
  return key ? `${key}.amazonaws.com` : undefined;
}

export interface OperationRow {
  prefix: string;
  operation: string;
  eventSource?: string;
  /** AWS's AuthorizedActions */
  authorized: string[];
  /** what Leastwise maps the event to (no request parameters), or the kind when it maps to no action */
  mapped: string[] | "noPermission" | "unmapped";
  /** some mapped action has SupportedBy "IAM Access Analyzer Policy Generation" false (AWS would list the service at service level) */
  beyondAwsGenerator: boolean;
}

export interface ServiceCoverage {
  prefix: string;
  operations: number;
  /** operations AWS lists authorized actions for */
  withActions: number;
  /** of those, the ones that map to actions */
  mapped: number;
  /** operations AWS lists no authorized action for that still map (same-name action) */
  noActionsMapped: number;
}

export interface MappingReport {
  map: OperationMapVersion;
  services: ServiceCoverage[];
  totals: {
    operations: number;
    withActions: number;
    mapped: number;
    coverage: number;
    noActions: number;
    noActionsMapped: number;
    beyondAwsGenerator: number;
  };
  /** operations with authorized actions that do not map to actions, with the reason */
  exceptions: { key: string; mapped: string; reason: string }[];
  rows: OperationRow[];
}

const REASONS: Readonly<Record<string, string>> = {
  "sts:GetCallerIdentity": "AWS documents that it needs no permission; counted as a no-permission call",
  "sts:GetSessionToken": "AWS documents that it needs no permission; counted as a no-permission call",
  "dynamodb:ExecuteStatement":
    "PartiQL: the actions follow the statement kinds in the request; without a statement the event stays unmapped",
  "dynamodb:BatchExecuteStatement":
    "PartiQL: the actions follow the statement kinds in the request; without statements the event stays unmapped",
  "dynamodb:ExecuteTransaction":
    "PartiQL: the actions follow the statement kinds in the request; without statements the event stays unmapped",
  "lambda:AddEventSource": "AWS lists only iam:PassRole, which Leastwise offers as a suggestion, never as a policy action",
};

/** Every operation of the map in use: whether it maps and to what, with counts per service. */
export function mappingReport(): MappingReport {
  const rows: OperationRow[] = [];
  for (const entry of allOperations()) {
    for (const prefix of prefixesServedBy(entry.file)) {
      if (!serviceExists(prefix) || findOperation(prefix, entry.operation) !== entry) continue;
      const eventSource = eventSourceFor(prefix);
      const m = eventSource ? mapEvent(eventSource, entry.operation, {}) : { kind: "unmapped" as const };
      const mapped = m.kind === "actions" ? m.actions : m.kind;
      rows.push({
        prefix,
        operation: entry.operation,
        ...(eventSource ? { eventSource } : {}),
        authorized: entry.actions,
        mapped,
        beyondAwsGenerator: Array.isArray(mapped) && mapped.some((a) => policyGenerationSupported(a) === false),
      });
    }
  }
  const byService = new Map<string, ServiceCoverage>();
  for (const r of rows) {
    let s = byService.get(r.prefix);
    if (!s) byService.set(r.prefix, (s = { prefix: r.prefix, operations: 0, withActions: 0, mapped: 0, noActionsMapped: 0 }));
    s.operations++;
    if (r.authorized.length > 0) {
      s.withActions++;
      if (Array.isArray(r.mapped)) s.mapped++;
    } else if (Array.isArray(r.mapped)) s.noActionsMapped++;
  }
  const services = [...byService.values()].sort((a, b) => (a.prefix < b.prefix ? -1 : 1));
  const withActions = rows.filter((r) => r.authorized.length > 0);
  const mapped = withActions.filter((r) => Array.isArray(r.mapped)).length;
  const noActions = rows.filter((r) => r.authorized.length === 0);
  return {
    map: operationMapVersion(),
    services,
    totals: {
      operations: rows.length,
      withActions: withActions.length,
      mapped,
      coverage: withActions.length === 0 ? 0 : mapped / withActions.length,
      noActions: noActions.length,
      noActionsMapped: noActions.filter((r) => Array.isArray(r.mapped)).length,
      beyondAwsGenerator: rows.filter((r) => r.beyondAwsGenerator).length,
    },
    exceptions: withActions
      .filter((r) => !Array.isArray(r.mapped))
      .map((r) => ({
        key: `${r.prefix}:${r.operation}`,
        mapped: String(r.mapped),
        reason:
          REASONS[`${r.prefix}:${r.operation}`] ??
          (r.eventSource ? "no action of the catalog fits" : "no eventSource resolves to this prefix"),
      })),
    rows,
  };
}
