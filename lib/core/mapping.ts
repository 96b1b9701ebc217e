import { findAction, getActionInfo, serviceExists } from "./catalog";
import {
  APIGATEWAY_VERB_BY_PREFIX,
  APIGATEWAY_VERB_EXCEPTIONS,
  EVENT_ACTIONS,
  NO_PERMISSION_EVENTS,
  NO_PERMISSION_EVENT_TYPES,
  NO_PERMISSION_SOURCES,
  PARTIQL_ACTIONS,
  PARTIQL_EVENTS,
  S3_RENAMES,
  S3_VERSIONED,
  SOURCE_PREFIX_EXCEPTIONS,
  VERSION_SUFFIXES,
} from "./mapping-tables";
import type { CloudTrailRecord } from "./types";

/** What one CloudTrail event needed. `actions` are catalog spellings, sorted, never guessed. */
export type EventMapping =
  | { kind: "actions"; service: string; actions: string[] }
  | { kind: "noPermission"; service?: string }
  | { kind: "unmapped"; service?: string; reason: string };

const AMAZONAWS = ".amazonaws.com";
const sourceCache = new Map<string, string | null>();
const mappingCache = new Map<string, EventMapping>();
const MAX_CACHE = 50_000;

/** The IAM prefix of an eventSource ("monitoring.amazonaws.com" -> "cloudwatch"), if the catalog knows it. */
export function serviceForEventSource(eventSource: string): string | undefined {
  const cached = sourceCache.get(eventSource);
  if (cached !== undefined) return cached ?? undefined;
  const resolved = resolveService(eventSource);
  if (sourceCache.size >= MAX_CACHE) sourceCache.clear();
  sourceCache.set(eventSource, resolved ?? null);
  return resolved;
}

function resolveService(eventSource: string): string | undefined {
  if (typeof eventSource !== "string" || eventSource.length === 0) return undefined;
  const base = eventSource.endsWith(AMAZONAWS) ? eventSource.slice(0, -AMAZONAWS.length) : eventSource;
  const exception = SOURCE_PREFIX_EXCEPTIONS[base];
  if (exception) return serviceExists(exception) ? exception : undefined;
  if (serviceExists(base)) return base.toLowerCase();
  // "runtime.sagemaker" -> sagemaker; then "xyz.service" patterns in either order.
  const labels = base.split(".");
  if (labels.length > 1) {
    const last = labels[labels.length - 1];
    if (serviceExists(last)) return last.toLowerCase();
    if (serviceExists(labels[0])) return labels[0].toLowerCase();
  }
  return undefined;
}

function dynamicFlags(service: string | undefined, eventName: string, params: Record<string, unknown> | null | undefined): string {
  if (!params || typeof params !== "object") return "";
  let flags = "";
  if (service === "s3" && params.versionId != null && S3_VERSIONED[eventName]) flags += "v";
  if (service === "ec2" && params.tagSpecificationSet != null && eventName !== "CreateTags") flags += "t";
  if (service === "secretsmanager" && eventName === "BatchGetSecretValue" && params.filters != null) flags += "f";
  if (service === "dynamodb" && PARTIQL_EVENTS.has(eventName)) flags += `p${partiqlKinds(params).join(",")}`;
  return flags;
}

/** Statement kinds (SELECT, INSERT, UPDATE, DELETE) of a PartiQL request, sorted. */
function partiqlKinds(params: Record<string, unknown>): string[] {
  const texts: unknown[] = [params.statement];
  for (const key of ["statements", "transactStatements"]) {
    const list = params[key];
    if (Array.isArray(list)) for (const item of list) texts.push((item as Record<string, unknown> | null)?.statement);
  }
  const kinds = new Set<string>();
  for (const text of texts) {
    const kind = typeof text === "string" ? /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase() : undefined;
    if (kind && PARTIQL_ACTIONS[kind]) kinds.add(kind);
  }
  return [...kinds].sort();
}

/** Maps one event (by source, name and, for a few operations, request parameters). Cached. */
export function mapEvent(
  eventSource: string,
  eventName: string,
  requestParameters?: Record<string, unknown> | null,
  eventType?: string,
): EventMapping {
  if (eventType !== undefined && NO_PERMISSION_EVENT_TYPES.has(eventType)) return { kind: "noPermission" };
  const service = serviceForEventSource(eventSource);
  const flags = dynamicFlags(service, eventName, requestParameters);
  const key = `${eventSource}\u0000${eventName}\u0000${flags}`;
  let mapping = mappingCache.get(key);
  if (!mapping) {
    mapping = computeMapping(eventSource, eventName, service, flags);
    // Real trails have a few thousand distinct events; junk names must not grow the cache forever.
    if (mappingCache.size >= MAX_CACHE) mappingCache.clear();
    mappingCache.set(key, mapping);
  }
  return mapping;
}

export function mapRecord(record: CloudTrailRecord): EventMapping {
  return mapEvent(record.eventSource ?? "", record.eventName ?? "", record.requestParameters, record.eventType);
}

function computeMapping(eventSource: string, eventName: string, service: string | undefined, flags: string): EventMapping {
  if (typeof eventName !== "string" || eventName.length === 0) {
    return { kind: "unmapped", service, reason: "The event has no eventName." };
  }
  if (NO_PERMISSION_SOURCES.has(eventSource) || NO_PERMISSION_EVENTS.has(`${eventSource}:${eventName}`)) {
    return { kind: "noPermission", service };
  }
  if (!service) return { kind: "unmapped", reason: `The event source "${eventSource}" is not a service in the IAM catalog.` };
  const partiql = flags.match(/p([A-Z,]*)/);
  const names = partiql ? partiql[1].split(",").filter(Boolean).map((k) => PARTIQL_ACTIONS[k]) : baseActions(service, eventName);
  if (names.length === 0) {
    return { kind: "unmapped", service, reason: `No IAM action of "${service}" matches the event "${eventName}".` };
  }
  const out = new Set<string>();
  for (const name of names) {
    const info = getActionInfo(name);
    if (!info) return { kind: "unmapped", service, reason: `The mapped action "${name}" is not in the IAM catalog.` };
    out.add(info.name);
    for (const dependent of info.dependentActions) {
      const dep = getActionInfo(dependent);
      if (dep) out.add(dep.name);
    }
  }
  if (flags.includes("v")) {
    const versioned = getActionInfo(`s3:${S3_VERSIONED[eventName]}`);
    if (versioned) {
      out.delete(getActionInfo(`s3:${stripS3(eventName)}`)?.name ?? "");
      out.add(versioned.name);
    }
  }
  if (flags.includes("t")) out.add(getActionInfo("ec2:CreateTags")!.name);
  if (flags.includes("f")) out.add(getActionInfo("secretsmanager:ListSecrets")!.name);
  return { kind: "actions", service, actions: [...out].sort() };
}

function stripS3(eventName: string): string {
  return S3_RENAMES[eventName]?.[0] ?? eventName;
}

/** Full action names an event needs before the catalog check; [] when nothing fits. */
function baseActions(service: string, eventName: string): string[] {
  const special = EVENT_ACTIONS[`${service}:${eventName}`];
  if (special) return [...special];
  if (service === "s3" && S3_RENAMES[eventName]) return S3_RENAMES[eventName].map((a) => `s3:${a}`);
  const direct = findAction(service, eventName);
  if (direct) return [direct.name];
  if (service === "apigateway") {
    const verb = apiGatewayVerb(eventName);
    return verb ? [`apigateway:${verb}`] : [];
  }
  for (const suffix of VERSION_SUFFIXES) {
    const stripped = eventName.replace(suffix, "");
    if (stripped !== eventName && stripped.length > 0) {
      const special2 = EVENT_ACTIONS[`${service}:${stripped}`];
      if (special2) return [...special2];
      const found = findAction(service, stripped);
      if (found) return [found.name];
    }
  }
  return [];
}

function apiGatewayVerb(eventName: string): string | undefined {
  const exception = APIGATEWAY_VERB_EXCEPTIONS[eventName];
  if (exception) return exception;
  for (const [prefix, verb] of APIGATEWAY_VERB_BY_PREFIX) {
    if (eventName.startsWith(prefix) && /^[A-Z]/.test(eventName.slice(prefix.length))) return verb;
  }
  return undefined;
}

const DENIED_ACTION = /not authorized to perform:?\s+([A-Za-z0-9-]+:[A-Za-z0-9*-]*[A-Za-z0-9*])/;

/**
 * The IAM action an error message names ("... is not authorized to perform: lambda:ListFunctions
 * on resource ..."), in the catalog's spelling when the catalog knows it.
 */
export function parseDeniedAction(errorMessage: string | undefined | null): string | undefined {
  if (typeof errorMessage !== "string") return undefined;
  const match = DENIED_ACTION.exec(errorMessage);
  if (!match) return undefined;
  return getActionInfo(match[1])?.name ?? match[1];
}
