/** The generate form's date range, resolved to a window: relative ranges end now. */
export type DateRangeValue =
  | { type: "relative"; amount: number; unit: "second" | "minute" | "hour" | "day" | "week" | "month" | "year" }
  | { type: "absolute"; startDate: string; endDate: string };

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

export function resolveDateRange(value: DateRangeValue, now = new Date()): { start: Date; end: Date } {
  if (value.type === "relative") {
    return { start: new Date(now.getTime() - value.amount * UNIT_MS[value.unit]), end: now };
  }
  const start = new Date(value.startDate);
  // A bare end date ("2026-01-31") means the end of that day, not its first millisecond.
  const end = /^\d{4}-\d{2}-\d{2}$/.test(value.endDate) ? new Date(`${value.endDate}T23:59:59.999Z`) : new Date(value.endDate);
  return { start, end: end.getTime() > now.getTime() ? now : end };
}

/** The reason a range is refused, or null. Mirrors the server's check so the form fails early. */
export function dateRangeProblem(value: DateRangeValue | null, maxDays: number, now = new Date()): string | null {
  if (!value) return "Choose a date range.";
  // An end date after today is refused (not silently cut to now): the logs of tomorrow do not exist.
  if (value.type === "absolute") {
    const endDay = /^\d{4}-\d{2}-\d{2}$/.exec(value.endDate)?.[0];
    const today = now.toISOString().slice(0, 10);
    if (endDay && endDay > today) return `The range cannot end in the future: choose an end date on or before today (${today}).`;
    if (!endDay && new Date(value.endDate).getTime() > now.getTime()) return "The range cannot end in the future.";
  }
  const { start, end } = resolveDateRange(value, now);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return "Enter valid start and end dates.";
  if (start.getTime() >= end.getTime()) return "The start of the range must be before its end.";
  if (start.getTime() > now.getTime()) return "The range cannot start in the future.";
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  if (days > maxDays + 1e-9) {
    return `The range is ${Math.ceil(days)} days long; policy generation analyzes at most ${maxDays} days. Choose a shorter range.`;
  }
  return null;
}
