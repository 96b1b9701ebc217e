import { mergeBounded, mergeSorted } from "./bounded";
import { CoreError } from "./errors";
import { mergePassRole } from "./passrole";
import type { ActionEvidence, DeniedAttempt, UsageSummary } from "./types";

const MAX_IDS = 5;
const MAX_ARNS = 50;

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, merge: (x: T, y: T) => T): Record<string, T> {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: Record<string, T> = {};
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    out[k] = x !== undefined && y !== undefined ? merge(x, y) : structuredClone((x ?? y) as T);
  }
  return out;
}

const min = (x: string, y: string) => (x < y ? x : y);
const max = (x: string, y: string) => (x > y ? x : y);

function mergeEvidence(a: ActionEvidence, b: ActionEvidence): ActionEvidence {
  const accessLevel = a.accessLevel ?? b.accessLevel;
  const out: ActionEvidence = {
    action: a.action,
    service: a.service,
    ...(accessLevel !== undefined ? { accessLevel } : {}),
    calls: a.calls + b.calls,
    firstSeen: min(a.firstSeen, b.firstSeen),
    lastSeen: max(a.lastSeen, b.lastSeen),
    regions: mergeSorted(a.regions, b.regions),
    eventNames: mergeSorted(a.eventNames, b.eventNames),
    sampleEventIds: mergeBounded(a.sampleEventIds, b.sampleEventIds, MAX_IDS),
    resourceArns: mergeBounded(a.resourceArns, b.resourceArns, MAX_ARNS),
    dataEventsOnly: a.dataEventsOnly === true && b.dataEventsOnly === true,
  };
  const invokedBy = mergeSorted(a.invokedBy ?? [], b.invokedBy ?? []);
  if (invokedBy.length > 0) out.invokedBy = invokedBy;
  const unscoped = (a.unscopedCalls ?? 0) + (b.unscopedCalls ?? 0);
  if (unscoped > 0) out.unscopedCalls = unscoped;
  return out;
}

function mergeDenied(a: DeniedAttempt, b: DeniedAttempt): DeniedAttempt {
  // The message of the latest call wins; on a tie the smaller text (as the accumulator does).
  const aWins =
    a.lastSeen > b.lastSeen ||
    (a.lastSeen === b.lastSeen && a.errorMessage !== undefined && (b.errorMessage === undefined || a.errorMessage < b.errorMessage));
  const out: DeniedAttempt = {
    eventSource: a.eventSource,
    eventName: a.eventName,
    errorCode: a.errorCode,
    calls: a.calls + b.calls,
    lastSeen: max(a.lastSeen, b.lastSeen),
    sampleEventIds: mergeBounded(a.sampleEventIds, b.sampleEventIds, MAX_IDS),
  };
  const action = a.action === undefined ? b.action : b.action === undefined ? a.action : min(a.action, b.action);
  if (action !== undefined) out.action = action;
  const message = aWins ? a.errorMessage : b.errorMessage;
  if (message !== undefined) out.errorMessage = message;
  return out;
}

/**
 * Merges two summaries of the same principal (from workers, or from several trails). Associative
 * and commutative; the window becomes the union of both.
 */
export function mergeUsage(a: UsageSummary, b: UsageSummary): UsageSummary {
  if (a.principalArn !== b.principalArn) {
    throw new CoreError("INVALID_USAGE", `Cannot merge usage of ${a.principalArn} with usage of ${b.principalArn}.`);
  }
  return {
    principalArn: a.principalArn,
    window: { start: min(a.window.start, b.window.start), end: max(a.window.end, b.window.end) },
    actions: mergeRecords(a.actions, b.actions, mergeEvidence),
    serviceLevel: mergeRecords(a.serviceLevel, b.serviceLevel, (x, y) => ({
      service: x.service,
      calls: x.calls + y.calls,
      eventNames: mergeSorted(x.eventNames, y.eventNames),
    })),
    denied: mergeRecords(a.denied, b.denied, mergeDenied),
    passRole: mergeRecords(a.passRole, b.passRole, mergePassRole),
    unmapped: mergeRecords(a.unmapped, b.unmapped, (x, y) => {
      const u = { eventSource: x.eventSource, eventName: x.eventName, calls: x.calls + y.calls } as typeof x;
      const service = x.service ?? y.service;
      if (service !== undefined) u.service = service;
      return u;
    }),
    noPermissionCalls: a.noPermissionCalls + b.noPermissionCalls,
    eventsMatched: a.eventsMatched + b.eventsMatched,
  };
}
