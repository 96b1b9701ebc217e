import { anyArnFits, optionalTemplates } from "./arn-template";
import { getActionInfo } from "./catalog";
import { insertBounded } from "./bounded";
import { CoreError } from "./errors";
import { mapEvent, parseDeniedAction } from "./mapping";
import { derivedArns } from "./derived-arns";
import { observedArns } from "./observed-arns";
import { extractPassedRoles } from "./passrole";
import { recordMatchesPrincipal } from "./principal";
import type { CloudTrailRecord, Principal, TimeWindow, UsageSummary } from "./types";
export { mergeUsage } from "./usage-merge";

export const MAX_SAMPLE_EVENT_IDS = 5;
export const MAX_RESOURCE_ARNS = 50;

interface EvidenceAcc {
  action: string;
  service: string;
  accessLevel?: string;
  calls: number;
  firstMs: number;
  lastMs: number;
  regions: Set<string>;
  eventNames: Set<string>;
  ids: string[];
  arns: string[];
  dataOnly: boolean;
  invokedBy: Set<string>;
  /** the optional-only resource templates of the action ([] when not optional-only) */
  optional: string[];
  unscoped: number;
}

interface DeniedAcc {
  eventSource: string;
  eventName: string;
  action?: string;
  errorCode: string;
  errorMessage?: string;
  calls: number;
  lastMs: number;
  ids: string[];
}

export function emptyUsage(principalArn: string, window: TimeWindow): UsageSummary {
  return {
    principalArn,
    window: { start: window.start.toISOString(), end: window.end.toISOString() },
    actions: {},
    serviceLevel: {},
    denied: {},
    passRole: {},
    unmapped: {},
    noPermissionCalls: 0,
    eventsMatched: 0,
  };
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[k] = v;
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Accumulates the principal's activity, one record at a time (the scanner calls `add` for every
 * record it reads, so the non-matching path is a couple of property reads). `summary()` is plain
 * JSON, the same whatever the order the records came in.
 */
export class UsageAccumulator {
  private readonly principal: Principal;
  private readonly startMs: number;
  private readonly endMs: number;
  private readonly windowIso: { start: string; end: string };
  private readonly actions = new Map<string, EvidenceAcc>();
  private readonly serviceLevel = new Map<string, { service: string; calls: number; eventNames: Set<string> }>();
  private readonly denied = new Map<string, DeniedAcc>();
  private readonly passRole = new Map<
    string,
    { roleArn: string; via: Set<string>; calls: number; lastMs: number; kind: "role" | "instance-profile"; services: Set<string> }
  >();
  private readonly unmapped = new Map<string, { eventSource: string; eventName: string; service?: string; calls: number }>();
  private noPermissionCalls = 0;
  private eventsMatched = 0;

  constructor(principal: Principal, window: TimeWindow) {
    const startMs = window?.start?.getTime?.();
    const endMs = window?.end?.getTime?.();
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) {
      throw new CoreError("INVALID_WINDOW", "The usage window needs valid start and end dates.");
    }
    this.principal = principal;
    this.startMs = startMs;
    this.endMs = endMs;
    this.windowIso = { start: iso(startMs), end: iso(endMs) };
  }

  /** Adds one record; true when it is the principal's and inside the window (inclusive). */
  add(record: CloudTrailRecord): boolean {
    if (!recordMatchesPrincipal(record, this.principal)) return false;
    const timeMs = typeof record.eventTime === "string" ? Date.parse(record.eventTime) : Number.NaN;
    if (!(timeMs >= this.startMs && timeMs <= this.endMs)) return false;
    this.eventsMatched++;
    const eventSource = typeof record.eventSource === "string" ? record.eventSource : "";
    const eventName = typeof record.eventName === "string" ? record.eventName : "";
    const params = record.requestParameters && typeof record.requestParameters === "object" ? record.requestParameters : null;
    const mapping = mapEvent(eventSource, eventName, params, record.eventType);
    const eventId = typeof record.eventID === "string" ? record.eventID : undefined;

    if (record.errorCode != null && record.errorCode !== "") {
      this.addDenied(
        record,
        eventSource,
        eventName,
        mapping.kind === "actions" && mapping.actions.length === 1 ? mapping.actions[0] : undefined,
        timeMs,
        eventId,
      );
      return true;
    }
    // Network activity events repeat, as seen by a VPC endpoint, calls that are logged on their own.
    if (mapping.kind === "noPermission" || record.eventCategory === "NetworkActivity") {
      this.noPermissionCalls++;
      return true;
    }
    if (mapping.kind === "unmapped") {
      this.addUnmapped(eventSource, eventName, mapping.service);
      return true;
    }
    const arns = observedArns(record);
    const derived = derivedArns(record, this.principal.partition, this.principal.accountId);
    for (let i = 0; i < derived.length; i++) arns.push(derived[i]);
    const region = typeof record.awsRegion === "string" ? record.awsRegion : undefined;
    const isData = record.eventCategory === "Data" || (record.eventCategory === undefined && record.managementEvent === false);
    const invokedBy = typeof record.userIdentity?.invokedBy === "string" ? record.userIdentity.invokedBy : undefined;
    for (const action of mapping.actions) {
      let ev = this.actions.get(action);
      if (!ev) {
        const info = getActionInfo(action);
        ev = {
          action,
          service: info?.service ?? mapping.service, // a cross-service target (s3 -> s3express) has its own
          accessLevel: info?.accessLevel,
          calls: 0,
          firstMs: timeMs,
          lastMs: timeMs,
          regions: new Set(),
          eventNames: new Set(),
          ids: [],
          arns: [],
          dataOnly: true,
          invokedBy: new Set(),
          optional: info ? optionalTemplates(info, this.principal.partition) : [],
          unscoped: 0,
        };
        this.actions.set(action, ev);
      }
      ev.calls++;
      if (timeMs < ev.firstMs) ev.firstMs = timeMs;
      if (timeMs > ev.lastMs) ev.lastMs = timeMs;
      if (region) ev.regions.add(region);
      ev.eventNames.add(eventName);
      if (eventId) insertBounded(ev.ids, eventId, MAX_SAMPLE_EVENT_IDS);
      for (const arn of arns) insertBounded(ev.arns, arn, MAX_RESOURCE_ARNS);
      if (!isData) ev.dataOnly = false;
      if (invokedBy) ev.invokedBy.add(invokedBy);
      if (ev.optional.length > 0 && !anyArnFits(ev.optional, arns)) ev.unscoped++;
      this.addPassRole(action, record, timeMs);
    }
    return true;
  }

  private addDenied(
    record: CloudTrailRecord,
    eventSource: string,
    eventName: string,
    mapped: string | undefined,
    timeMs: number,
    eventId?: string,
  ): void {
    const errorCode = String(record.errorCode);
    const key = `${eventSource}:${eventName}:${errorCode}`;
    const message = typeof record.errorMessage === "string" ? record.errorMessage : undefined;
    let d = this.denied.get(key);
    if (!d) {
      d = { eventSource, eventName, errorCode, calls: 0, lastMs: -Infinity, ids: [] };
      this.denied.set(key, d);
    }
    d.calls++;
    // The smallest action named and the latest message (ties: the smaller text) keep merges order-independent.
    const action = parseDeniedAction(message) ?? mapped;
    if (action !== undefined && (d.action === undefined || action < d.action)) d.action = action;
    if (timeMs > d.lastMs || (timeMs === d.lastMs && message !== undefined && (d.errorMessage === undefined || message < d.errorMessage))) {
      d.lastMs = timeMs;
      d.errorMessage = message;
    }
    if (eventId) insertBounded(d.ids, eventId, MAX_SAMPLE_EVENT_IDS);
  }

  private addUnmapped(eventSource: string, eventName: string, service?: string): void {
    const key = `${eventSource}:${eventName}`;
    let u = this.unmapped.get(key);
    if (!u) {
      u = { eventSource, eventName, calls: 0 };
      if (service) u.service = service;
      this.unmapped.set(key, u);
    }
    u.calls++;
    if (service) {
      let s = this.serviceLevel.get(service);
      if (!s) {
        s = { service, calls: 0, eventNames: new Set() };
        this.serviceLevel.set(service, s);
      }
      s.calls++;
      s.eventNames.add(eventName);
    }
  }

  private addPassRole(action: string, record: CloudTrailRecord, timeMs: number): void {
    const account = typeof record.recipientAccountId === "string" ? record.recipientAccountId : this.principal.accountId;
    for (const passed of extractPassedRoles(action, record, this.principal.partition, account)) {
      let p = this.passRole.get(passed.arn);
      if (!p) {
        p = { roleArn: passed.arn, via: new Set(), calls: 0, lastMs: timeMs, kind: passed.kind, services: new Set() };
        this.passRole.set(passed.arn, p);
      }
      p.via.add(action);
      for (const s of passed.passedToService ?? []) p.services.add(s);
      p.calls++;
      if (timeMs > p.lastMs) p.lastMs = timeMs;
    }
  }

  summary(): UsageSummary {
    const sorted = (s: Set<string>) => [...s].sort();
    return {
      principalArn: this.principal.arn,
      window: { ...this.windowIso },
      actions: sortedRecord(
        [...this.actions].map(([k, e]) => {
          const ev: UsageSummary["actions"][string] = {
            action: e.action,
            service: e.service,
            ...(e.accessLevel !== undefined ? { accessLevel: e.accessLevel } : {}),
            calls: e.calls,
            firstSeen: iso(e.firstMs),
            lastSeen: iso(e.lastMs),
            regions: sorted(e.regions),
            eventNames: sorted(e.eventNames),
            sampleEventIds: [...e.ids],
            resourceArns: [...e.arns],
            dataEventsOnly: e.dataOnly,
          };
          if (e.invokedBy.size > 0) ev.invokedBy = sorted(e.invokedBy);
          if (e.unscoped > 0) ev.unscopedCalls = e.unscoped;
          return [k, ev];
        }),
      ),
      serviceLevel: sortedRecord(
        [...this.serviceLevel].map(([k, s]) => [k, { service: s.service, calls: s.calls, eventNames: sorted(s.eventNames) }]),
      ),
      denied: sortedRecord(
        [...this.denied].map(([k, d]) => {
          const out: UsageSummary["denied"][string] = {
            eventSource: d.eventSource,
            eventName: d.eventName,
            errorCode: d.errorCode,
            calls: d.calls,
            lastSeen: iso(d.lastMs),
            sampleEventIds: [...d.ids],
          };
          if (d.action !== undefined) out.action = d.action;
          if (d.errorMessage !== undefined) out.errorMessage = d.errorMessage;
          return [k, out];
        }),
      ),
      passRole: sortedRecord(
        [...this.passRole].map(([k, p]) => [
          k,
          {
            roleArn: p.roleArn,
            viaActions: sorted(p.via),
            calls: p.calls,
            lastSeen: iso(p.lastMs),
            kind: p.kind,
            ...(p.services.size > 0 ? { passedToService: sorted(p.services) } : {}),
          },
        ]),
      ),
      unmapped: sortedRecord([...this.unmapped].map(([k, u]) => [k, { ...u }])),
      noPermissionCalls: this.noPermissionCalls,
      eventsMatched: this.eventsMatched,
    };
  }
}
