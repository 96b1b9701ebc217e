// The review step's denied attempts, one row per action and error: CloudTrail records several event
// names that need the same action (s3 PutObject, CreateMultipartUpload, ... all need s3:PutObject),
// which the usage keeps apart by event name. Rows whose action is unknown stay per event.
import type { DeniedAttempt } from "@/lib/core/types";

export interface DeniedGroup {
  /** stable: the action (or event) and the error */
  id: string;
  action?: string;
  eventSource: string;
  /** the event names that were denied, sorted */
  eventNames: string[];
  errorCode: string;
  errorMessage?: string;
  calls: number;
  lastSeen: string;
  /** the usage.denied keys of this row (what "Allow" accepts) */
  keys: string[];
}

/** Rows sorted: actions that never succeeded first (inPolicy false), then by action or event. */
export function groupDenied(denied: Record<string, DeniedAttempt>, inPolicy: (action: string) => boolean): DeniedGroup[] {
  const groups = new Map<string, DeniedGroup>();
  for (const [key, d] of Object.entries(denied)) {
    const id = d.action ? `${d.action.toLowerCase()}|${d.errorCode}` : `${d.eventSource}|${d.eventName}|${d.errorCode}`;
    const g = groups.get(id);
    if (!g) {
      groups.set(id, {
        id,
        action: d.action,
        eventSource: d.eventSource,
        eventNames: [d.eventName],
        errorCode: d.errorCode,
        errorMessage: d.errorMessage,
        calls: d.calls,
        lastSeen: d.lastSeen,
        keys: [key],
      });
      continue;
    }
    g.calls += d.calls;
    if (d.lastSeen > g.lastSeen) {
      g.lastSeen = d.lastSeen;
      if (d.errorMessage) g.errorMessage = d.errorMessage;
    }
    if (!g.eventNames.includes(d.eventName)) g.eventNames = [...g.eventNames, d.eventName].sort();
    g.keys = [...g.keys, key].sort();
  }
  const label = (g: DeniedGroup) => g.action ?? `${g.eventSource} ${g.eventNames[0]}`;
  return [...groups.values()].sort(
    (a, b) => Number(!!a.action && inPolicy(a.action)) - Number(!!b.action && inPolicy(b.action)) || label(a).localeCompare(label(b)),
  );
}
