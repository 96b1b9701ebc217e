import type { ScanWarning } from "@/lib/core/types";

export type ParsedLogFile = { ok: true; records: unknown[] } | { ok: false; code: ScanWarning["code"]; message: string };

/**
 * The full parse of a decompressed log file: the reference the fast path is tested against, and
 * its fallback for files that are not in CloudTrail's canonical compact layout.
 */
export function parseLogFile(text: string): ParsedLogFile {
  if (text.trim() === "") return { ok: false, code: "EMPTY_FILE", message: "the file is empty; skipped" };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const truncated = /end of (JSON )?input|Unterminated|Unexpected end/i.test(msg);
    return {
      ok: false,
      code: "TRUNCATED_JSON",
      message: truncated ? `the JSON ends early (truncated file); skipped` : `invalid JSON (${msg.slice(0, 120)}); skipped`,
    };
  }
  const records = doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as { Records?: unknown }).Records : undefined;
  if (!Array.isArray(records)) {
    return { ok: false, code: "NOT_CLOUDTRAIL", message: 'not a CloudTrail log file (no "Records" array); skipped' };
  }
  return { ok: true, records };
}
