// Was the window long enough? Marks on an action's evidence: seen on a single day only (a monthly
// job ran once, or a one-off), or first seen only in the last days of the window (the window may
// have started too late to see what came before, or the usage is new).
export const RECENT_DAYS = 3;

export type ActivityMark = "single-day" | "recent-only";

const day = (iso: string) => iso.slice(0, 10);

export function activityMarks(ev: { firstSeen: string; lastSeen: string }, window: { start: string; end: string }): ActivityMark[] {
  const marks: ActivityMark[] = [];
  const first = Date.parse(ev.firstSeen);
  const start = Date.parse(window.start);
  const end = Date.parse(window.end);
  if (!Number.isFinite(first) || !Number.isFinite(end)) return marks;
  // Only meaningful when the window is longer than the recent span itself.
  const long = end - start > (RECENT_DAYS + 1) * 86_400_000;
  if (day(ev.firstSeen) === day(ev.lastSeen) && long) marks.push("single-day");
  if (long && first >= end - RECENT_DAYS * 86_400_000) marks.push("recent-only");
  return marks;
}

export const MARK_LABEL: Record<ActivityMark, string> = {
  "single-day": "Single day",
  "recent-only": `First seen in the last ${RECENT_DAYS} days`,
};
