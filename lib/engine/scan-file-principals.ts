import { gunzipSync } from "node:zlib";
import { parsePrincipalArn } from "@/lib/core/arn";
import { recordMatchesPrincipal } from "@/lib/core/principal";
import type { CloudTrailRecord, Principal, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { UsageAccumulator } from "@/lib/core/usage";
import { parseLogFile } from "./parse-log-file";
import { inflatedSizeHint } from "./scan-file";

/** Which principals a scan of many returns: exactly these ARNs, or every role and user of these accounts. */
export type PrincipalSelection = { arns: string[] } | { accounts: string[] };

/**
 * The principal whose own credentials made a record, as recordMatchesPrincipal decides it: an
 * AssumedRole session's issuer (a role), an IAMUser's ARN. Anything else (AWS services, root,
 * federated and web identities) is nobody's.
 */
function attributedArn(r: CloudTrailRecord): string | undefined {
  const id = r.userIdentity;
  if (!id || typeof id !== "object") return undefined;
  const arn = id.type === "AssumedRole" ? id.sessionContext?.sessionIssuer?.arn : id.type === "IAMUser" ? id.arn : undefined;
  return typeof arn === "string" ? arn : undefined;
}

/**
 * One accumulator per principal, in a scan worker. Every record is parsed (each may be anyone's),
 * attributed, and added to its principal's accumulator; the accumulators are exactly those of a
 * single-principal scan (same `recordMatchesPrincipal`, same records, same window), and their
 * summaries do not depend on the order records come in, so merging the workers' summaries
 * (mergeUsage) gives each principal the usage a scan of that principal alone gives. Memory: one
 * accumulator per principal seen, each bounded by the evidence limits (MAX_SAMPLE_EVENT_IDS,
 * MAX_RESOURCE_ARNS per action; actions, denied and unmapped call types are finite).
 */
export class PrincipalAccumulators {
  private readonly accs = new Map<string, UsageAccumulator>();
  /** parsed ARNs, and `null` for those not selected (or not a role/user ARN) */
  private readonly principals = new Map<string, Principal | null>();
  private readonly wanted: (p: Principal) => boolean;

  constructor(
    private readonly Accumulator: typeof UsageAccumulator,
    select: PrincipalSelection,
    private readonly window: { start: Date; end: Date },
  ) {
    if ("arns" in select) {
      const set = new Set(select.arns);
      this.wanted = (p) => set.has(p.arn);
    } else {
      const set = new Set(select.accounts);
      this.wanted = (p) => set.has(p.accountId);
    }
  }

  private principal(arn: string): Principal | null {
    let p = this.principals.get(arn);
    if (p === undefined) {
      try {
        p = parsePrincipalArn(arn);
        if (!this.wanted(p)) p = null;
      } catch {
        p = null;
      }
      this.principals.set(arn, p);
    }
    return p;
  }

  /** Adds a file's records; returns the records added inside the window and those unusable. */
  addRecords(records: unknown[]): { matched: number; bad: number; firstBad: string } {
    let matched = 0;
    let bad = 0;
    let firstBad = "";
    for (const item of records) {
      if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
      const r = item as CloudTrailRecord;
      const arn = attributedArn(r);
      if (arn === undefined) continue;
      const p = this.principal(arn);
      if (p === null || !recordMatchesPrincipal(r, p)) continue;
      // As acceptCandidates does for one principal: records without these are not used.
      if (!(
        typeof r.eventTime === "string" &&
        !Number.isNaN(Date.parse(r.eventTime)) &&
        typeof r.eventSource === "string" &&
        typeof r.eventName === "string"
      )) {
        if (bad++ === 0) firstBad = typeof r.eventID === "string" ? r.eventID : "(no eventID)";
        continue;
      }
      let acc = this.accs.get(p.arn);
      if (!acc) this.accs.set(p.arn, (acc = new this.Accumulator(p, this.window)));
      if (acc.add(r)) matched++;
    }
    return { matched, bad, firstBad };
  }

  summaries(): UsageSummary[] {
    return [...this.accs.values()].map((a) => a.summary());
  }

  get size(): number {
    return this.accs.size;
  }
}

export interface PrincipalsFileOutcome {
  eventsRead: number;
  eventsMatched: number;
  bytesUncompressed: number;
  skipped?: ScanWarning;
  badRecords?: ScanWarning;
}

/** Reads one log file for every selected principal (the whole file is parsed: see above). */
export function scanFilePrincipals(o: { file: string; compressed: Buffer; accs: PrincipalAccumulators }): PrincipalsFileOutcome {
  const skip = (code: ScanWarning["code"], message: string, bytes = 0): PrincipalsFileOutcome => ({
    eventsRead: 0,
    eventsMatched: 0,
    bytesUncompressed: bytes,
    skipped: { file: o.file, code, message },
  });
  if (o.compressed.length === 0) return skip("EMPTY_FILE", "the file is empty (0 bytes); skipped");
  let text: Buffer;
  try {
    text = gunzipSync(o.compressed, { chunkSize: inflatedSizeHint(o.compressed) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const msg =
      code === "Z_BUF_ERROR" || /unexpected end/i.test((e as Error).message)
        ? "the gzip stream ends early (truncated file)"
        : `not valid gzip data (${(e as Error).message})`;
    return skip("CORRUPT_GZIP", `${msg}; skipped`);
  }
  const parsed = parseLogFile(text.toString("utf8"));
  if (!parsed.ok) return skip(parsed.code, parsed.message, text.length);
  const records = parsed.records.filter((r) => r !== null && typeof r === "object" && !Array.isArray(r));
  const added = o.accs.addRecords(records);
  const out: PrincipalsFileOutcome = { eventsRead: records.length, eventsMatched: added.matched, bytesUncompressed: text.length };
  if (added.bad > 0) {
    out.badRecords = {
      file: o.file,
      code: "BAD_RECORD",
      message: `${added.bad} record(s) of the selected principals lack a valid eventTime, eventSource or eventName and were not used (first: ${added.firstBad})`,
    };
  }
  return out;
}
