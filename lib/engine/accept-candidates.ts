import { recordMatchesPrincipal } from "@/lib/core/principal";
import type { CloudTrailRecord, Principal, ScanWarning } from "@/lib/core/types";

export type Accepted =
  | { ok: true; records: CloudTrailRecord[]; badRecords?: ScanWarning }
  /** a candidate was not valid JSON: the fast path split the file wrongly; parse it in full */
  | { ok: false };

/**
 * Parses a file's candidate records and keeps the principal's; those it cannot use (no valid
 * eventTime, eventSource or eventName) become one warning for the file.
 */
export function acceptCandidates(texts: string[], principal: Principal, file: string): Accepted {
  const records: CloudTrailRecord[] = [];
  let bad = 0;
  let firstBad = "";
  for (const text of texts) {
    let r: CloudTrailRecord;
    try {
      r = JSON.parse(text) as CloudTrailRecord;
    } catch {
      return { ok: false };
    }
    if (r === null || typeof r !== "object" || Array.isArray(r)) return { ok: false };
    if (!recordMatchesPrincipal(r, principal)) continue;
    if (
      typeof r.eventTime === "string" &&
      !Number.isNaN(Date.parse(r.eventTime)) &&
      typeof r.eventSource === "string" &&
      typeof r.eventName === "string"
    ) {
      records.push(r);
    } else if (bad++ === 0) {
      firstBad = typeof r.eventID === "string" ? r.eventID : "(no eventID)";
    }
  }
  if (bad === 0) return { ok: true, records };
  return {
    ok: true,
    records,
    badRecords: {
      file,
      code: "BAD_RECORD",
      message: `${bad} record(s) of the principal lack a valid eventTime, eventSource or eventName and were not used (first: ${firstBad})`,
    },
  };
}
