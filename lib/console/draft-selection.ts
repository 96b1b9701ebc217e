import type { ActionEvidence, UsageSummary } from "@/lib/core/types";

/** The wizard's choices on top of a generated result. Stored in PolicyDraft.selection. */
export interface DraftSelection {
  /** generated actions the user removed */
  removedActions: string[];
  /** actions added from the catalog menus (service-level services, or any service) */
  addedActions: string[];
  /** suggested iam:PassRole role ARNs the user accepted */
  acceptedPassRoles: string[];
  /** denied-attempt keys (UsageSummary.denied keys) whose action the user chose to allow */
  acceptedDenied: string[];
}

export const EMPTY_SELECTION: DraftSelection = { removedActions: [], addedActions: [], acceptedPassRoles: [], acceptedDenied: [] };

const uniqSorted = (xs: string[]) => [...new Set(xs)].sort();

/** Accepts anything stored earlier (older shapes, hand-edited rows) and returns a clean selection. */
export function normalizeSelection(value: unknown): DraftSelection {
  const v = (value ?? {}) as Partial<Record<keyof DraftSelection, unknown>>;
  const list = (x: unknown) => (Array.isArray(x) ? uniqSorted(x.filter((s): s is string => typeof s === "string" && s.length > 0)) : []);
  return {
    removedActions: list(v.removedActions),
    addedActions: list(v.addedActions),
    acceptedPassRoles: list(v.acceptedPassRoles),
    acceptedDenied: list(v.acceptedDenied),
  };
}

function manualEvidence(action: string, usage: UsageSummary, info?: { accessLevel?: string }): ActionEvidence {
  const service = action.split(":")[0] ?? "";
  return {
    action,
    service,
    accessLevel: info?.accessLevel,
    calls: 0,
    firstSeen: usage.window.start,
    lastSeen: usage.window.start,
    regions: [],
    eventNames: [],
    sampleEventIds: [],
    resourceArns: [],
  };
}

/**
 * The usage the final policy is built from: generated actions minus the removed ones, plus the
 * added and the accepted denied ones. Service-level services only contribute the actions the user
 * picked for them; iam:PassRole is added separately on the accepted role ARNs (see build-wizard-policy).
 */
export function applySelection(
  usage: UsageSummary,
  selection: DraftSelection,
  lookup: (action: string) => { name: string; accessLevel?: string } | undefined,
): UsageSummary {
  const removed = new Set(selection.removedActions.map((a) => a.toLowerCase()));
  const actions: Record<string, ActionEvidence> = {};
  for (const [name, ev] of Object.entries(usage.actions)) {
    if (!removed.has(name.toLowerCase())) actions[name] = ev;
  }
  const deniedActions = selection.acceptedDenied.map((k) => usage.denied[k]?.action).filter((a): a is string => !!a);
  for (const raw of [...selection.addedActions, ...deniedActions]) {
    const info = lookup(raw);
    if (!info) continue; // an action the catalog no longer knows is dropped, never guessed
    if (removed.has(info.name.toLowerCase())) continue;
    actions[info.name] ??= manualEvidence(info.name, usage, info);
  }
  return { ...usage, actions, serviceLevel: {} };
}
