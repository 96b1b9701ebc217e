import { CoreError } from "./errors";

export const MAX_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/**
 * Checks a generation's time window before any work starts. Bounds are inclusive. The end may lie
 * in the future (logs simply are not there yet) but the start may not: nothing could be found.
 */
export function validateWindow(start: Date, end: Date, opts: { now?: Date; maxDays?: number } = {}): void {
  const maxDays = opts.maxDays ?? MAX_WINDOW_DAYS;
  const now = opts.now ?? new Date();
  if (!isValidDate(start)) throw new CoreError("INVALID_WINDOW", "The start time is not a valid date.", { field: "startTime" });
  if (!isValidDate(end)) throw new CoreError("INVALID_WINDOW", "The end time is not a valid date.", { field: "endTime" });
  if (end.getTime() < start.getTime()) {
    throw new CoreError("INVALID_WINDOW", `The end time (${end.toISOString()}) is before the start time (${start.toISOString()}).`, {
      field: "endTime",
    });
  }
  if (end.getTime() === start.getTime()) {
    throw new CoreError("INVALID_WINDOW", "The end time equals the start time: the window is empty.", { field: "endTime" });
  }
  if (start.getTime() > now.getTime()) {
    throw new CoreError("WINDOW_IN_FUTURE", `The start time (${start.toISOString()}) is in the future.`, { field: "startTime" });
  }
  const spanMs = end.getTime() - start.getTime();
  if (spanMs > maxDays * DAY_MS) {
    const days = Math.ceil((spanMs / DAY_MS) * 10) / 10;
    throw new CoreError(
      "WINDOW_TOO_LONG",
      `The window spans ${days} days; the maximum is ${maxDays} days. Choose a later start or an earlier end.`,
      { field: "startTime" },
    );
  }
}

/** Parses an ISO-8601 timestamp strictly (a date alone means midnight UTC); null when invalid. */
export function parseIsoTime(value: string): Date | null {
  if (typeof value !== "string") return null;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const text = value.trim();
  if (!iso.test(text)) return null;
  // Without a zone JavaScript would read local time; the API and the CLI mean UTC.
  const zoned = text.length === 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const date = new Date(zoned);
  if (Number.isNaN(date.getTime())) return null;
  // Reject dates JavaScript silently rolls over (2024-02-31 -> March 2).
  const [y, m, d] = text.slice(0, 10).split("-").map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return date;
}
