import { findAction, getActionInfo, serviceExists, splitActionName } from "./catalog";
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
import { findOperation, onOperationMapChange, type OperationEntry } from "./operation-map";
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
// A refreshed operation map changes what events mean.
onOperationMapChange(() => mappingCache.clear());

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
  if (hasTags(params)) flags += "t";
  if (service === "secretsmanager" && eventName === "BatchGetSecretValue" && params.filters != null) flags += "f";
  if (service === "dynamodb" && PARTIQL_EVENTS.has(eventName)) flags += `p${partiqlKinds(params).join(",")}`;
  return flags;
}

/**
 * Request members that carry tags for the new resource (tag-on-create): EC2's tagSpecificationSet,
 * most services' tags / tagList / tagSpecifications, S3's tagging. Present (even empty) means the
 * caller asked for tagging, which IAM authorizes with the service's tagging action.
 */
const TAG_KEYS = new Set([
  "tags",
  "taglist",
  "tagset",
  "tagging",
  "tagspecifications",
  "tagspecification",
  "tagspecificationset",
  "resourcetags",
  "x-amz-tagging",
]);

function hasTags(params: Record<string, unknown>): boolean {
  for (const key of Object.keys(params)) if (params[key] != null && TAG_KEYS.has(key.toLowerCase())) return true;
  return false;
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
  if (NO_PERMISSION_EVENTS.has(`${eventSource}:${eventName}`)) return { kind: "noPermission", service };
  // Sign-in events need no permission (ConsoleLogin, CheckMfa, SwitchRole...), except the
  // IAM-authenticated administration APIs AWS's operation map lists with authorized actions.
  if (NO_PERMISSION_SOURCES.has(eventSource) && !(service && findOperation(service, eventName)?.actions.length))
    return { kind: "noPermission", service };
  if (!service) return { kind: "unmapped", reason: `The event source "${eventSource}" is not a service in the IAM catalog.` };
  const partiql = flags.match(/p([A-Z,]*)/);
  const resolved: Resolved = partiql
    ? {
        names: partiql[1]
          .split(",")
          .filter(Boolean)
          .map((k) => PARTIQL_ACTIONS[k]),
        tagging: [],
      }
    : baseActions(service, eventName);
  const names = resolved.names;
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
  // Tag-on-create: the operation's tagging actions (AWS's map lists them), only when the request
  // carries tags; EC2 calls the map does not know fall back to ec2:CreateTags.
  if (flags.includes("t")) {
    for (const t of resolved.tagging) out.add(getActionInfo(t)?.name ?? t);
    if (!resolved.fromMap && service === "ec2" && eventName !== "CreateTags") out.add(getActionInfo("ec2:CreateTags")!.name);
  }
  if (flags.includes("f")) out.add(getActionInfo("secretsmanager:ListSecrets")!.name);
  return { kind: "actions", service, actions: [...out].sort() };
}

function stripS3(eventName: string): string {
  return S3_RENAMES[eventName]?.[0] ?? eventName;
}

interface Resolved {
  /** the actions the event always needs */
  names: string[];
  /** tagging actions the operation needs when the request carries tags */
  tagging: string[];
  /** true when AWS's operation map gave the answer */
  fromMap?: boolean;
}

const isTagging = (action: string) => getActionInfo(action)?.accessLevels.includes("Tagging") ?? false;

/**
 * The actions one operation of AWS's map needs (see docs/core.md, "From an event to actions"):
 * - iam:PassRole is never an action here: it is a suggestion (passrole.ts), with AWS's
 *   iam:PassedToService values.
 * - Tagging actions (access level Tagging) of a non-tagging operation are tag-on-create: needed only
 *   when the request carries tags.
 * - When AWS lists the operation's namesake action under the event's prefix (s3:GetObject for
 *   GetObject), that action is what the call needs; the others AWS lists are needed only with
 *   particular parameters (s3:GetObjectVersion with a versionId, lambda:GetLayerVersion with layers,
 *   aws-portal legacy billing actions, s3-object-lambda through an Object Lambda access point) and
 *   are left out: least privilege, as AWS's own generator does.
 *   (API Gateway: the HTTP verb the operation's name gives.)
 * - Otherwise (CreateBudget, CreateKeyspace, ListResources, V2 and Batch operations, DMS schema
 *   conversion), every listed action of the event's prefix; only when there is none, every listed
 *   action (kafka's topic APIs are authorized by kafka-cluster actions).
 */
export function classifyOperation(entry: OperationEntry, service: string): { required: string[]; tagging: string[] } {
  const actions = entry.actions.filter((a) => a !== "iam:PassRole");
  const own = (a: string) => splitActionName(a)?.service.toLowerCase() === service.toLowerCase();
  // API Gateway's namesake is its HTTP verb (apigateway:POST for ImportRestApi); the other actions
  // AWS lists (UpdateRestApiPolicy, AddCertificateToDomain...) depend on what the request contains.
  const verb = service === "apigateway" ? apiGatewayVerb(entry.operation) : undefined;
  const namesake = (a: string) => own(a) && splitActionName(a)!.action.toLowerCase() === (verb ?? entry.operation).toLowerCase();
  const primary = actions.filter(namesake);
  const tagging = actions.filter((a) => !primary.includes(a) && isTagging(a));
  if (primary.length > 0) return { required: primary, tagging };
  const rest = actions.filter((a) => !tagging.includes(a));
  const same = rest.filter(own);
  const required = same.length > 0 ? same : rest;
  return required.length > 0 ? { required, tagging } : { required: tagging, tagging: [] };
}

function fromMap(service: string, eventName: string): Resolved | undefined {
  const entry = findOperation(service, eventName);
  if (!entry || entry.actions.length === 0) return undefined;
  const { required, tagging } = classifyOperation(entry, service);
  return required.length > 0 ? { names: required, tagging, fromMap: true } : undefined;
}

/**
 * Full action names an event needs before the catalog check; no names when nothing fits. Hand-written
 * rules first (where CloudTrail's names or least privilege differ from AWS's map), then AWS's
 * operation map, then the same name, API Gateway's verbs, and version suffixes.
 */
function baseActions(service: string, eventName: string): Resolved {
  const special = EVENT_ACTIONS[`${service}:${eventName}`];
  if (special) return { names: [...special], tagging: [] };
  if (service === "s3" && S3_RENAMES[eventName]) return { names: S3_RENAMES[eventName].map((a) => `s3:${a}`), tagging: [] };
  const mapped = fromMap(service, eventName);
  if (mapped) return mapped;
  const direct = findAction(service, eventName);
  if (direct) return { names: [direct.name], tagging: [] };
  if (service === "apigateway") {
    const verb = apiGatewayVerb(eventName);
    return { names: verb ? [`apigateway:${verb}`] : [], tagging: [] };
  }
  for (const suffix of VERSION_SUFFIXES) {
    const stripped = eventName.replace(suffix, "");
    if (stripped !== eventName && stripped.length > 0) {
      const special2 = EVENT_ACTIONS[`${service}:${stripped}`];
      if (special2) return { names: [...special2], tagging: [] };
      const mapped2 = fromMap(service, stripped);
      if (mapped2) return mapped2;
      const found = findAction(service, stripped);
      if (found) return { names: [found.name], tagging: [] };
    }
  }
  return { names: [], tagging: [] };
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
