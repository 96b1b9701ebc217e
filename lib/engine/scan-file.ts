import { createGunzip } from "node:zlib";
import { gunzipSync } from "node:zlib";
import type { CloudTrailRecord, Principal, ScanWarning } from "@/lib/core/types";
import { recordMatchesPrincipal } from "@/lib/core/principal";
import { FastRecordScanner } from "./fast-record-scanner";
import { parseLogFile } from "./parse-log-file";

/** What one log file contributed. A skipped file contributes no record at all. */
export interface FileOutcome {
  eventsRead: number;
  bytesUncompressed: number;
  /** the principal's usable records (the caller adds them to its accumulator) */
  records: CloudTrailRecord[];
  /** set when the whole file was skipped */
  skipped?: ScanWarning;
  /** records of the principal that lacked the fields needed to use them */
  badRecords?: ScanWarning;
  usedFastPath: boolean;
}

export interface ScanFileOptions {
  file: string; // display name for warnings
  compressed: Buffer;
  principal: Principal;
  /** false: parse every record (the reference path the fast path is tested against) */
  fastPath: boolean;
}

const GUNZIP_CHUNK = 1 << 20;

export function principalNeedles(principal: Principal): string[] {
  // How a JSON writer spells the ARN: `"` and `\` (legal in IAM paths) are always escaped, "/" may
  // be written "\/"; `\u` escapes are caught by the scanner itself.
  const plain = JSON.stringify(principal.arn).slice(1, -1);
  const escaped = plain.replace(/\//g, "\\/");
  return escaped === plain ? [plain] : [plain, escaped];
}

export async function scanFile(o: ScanFileOptions): Promise<FileOutcome> {
  if (o.compressed.length === 0) return skipped(o.file, "EMPTY_FILE", "the file is empty (0 bytes); skipped");
  if (o.fastPath) {
    const scanner = new FastRecordScanner(principalNeedles(o.principal));
    let bytes = 0;
    const err = await inflateChunks(o.compressed, (chunk) => {
      bytes += chunk.length;
      scanner.push(chunk);
    });
    if (err) return gzipProblem(o.file, err);
    if (scanner.end()) {
      return { ...select(scanner.candidates, o), eventsRead: scanner.eventsRead, bytesUncompressed: bytes, usedFastPath: true };
    }
  }
  let text: Buffer;
  try {
    text = gunzipSync(o.compressed);
  } catch (e) {
    return gzipProblem(o.file, e as Error);
  }
  const parsed = parseLogFile(text.toString("utf8"));
  if (!parsed.ok) return { ...skipped(o.file, parsed.code, parsed.message), bytesUncompressed: text.length };
  const records = parsed.records.filter((r) => r !== null && typeof r === "object" && !Array.isArray(r));
  return { ...select(records, o), eventsRead: records.length, bytesUncompressed: text.length, usedFastPath: false };
}

/** Keeps the principal's records; those it cannot use (no time, source or name) become one warning. */
function select(candidates: unknown[], o: ScanFileOptions): Pick<FileOutcome, "records" | "badRecords"> {
  const records: CloudTrailRecord[] = [];
  let bad = 0;
  let firstBad = "";
  for (const c of candidates) {
    const r = c as CloudTrailRecord;
    if (!recordMatchesPrincipal(r, o.principal)) continue;
    if (typeof r.eventTime === "string" && !Number.isNaN(Date.parse(r.eventTime)) && typeof r.eventSource === "string" && typeof r.eventName === "string") {
      records.push(r);
    } else {
      if (bad++ === 0) firstBad = typeof r.eventID === "string" ? r.eventID : "(no eventID)";
    }
  }
  if (bad === 0) return { records };
  return {
    records,
    badRecords: {
      file: o.file,
      code: "BAD_RECORD",
      message: `${bad} record(s) of the principal lack a valid eventTime, eventSource or eventName and were not used (first: ${firstBad})`,
    },
  };
}

function skipped(file: string, code: ScanWarning["code"], message: string): FileOutcome {
  return { eventsRead: 0, bytesUncompressed: 0, records: [], skipped: { file, code, message }, usedFastPath: false };
}

function gzipProblem(file: string, e: Error): FileOutcome {
  const code = (e as NodeJS.ErrnoException).code;
  const msg = code === "Z_BUF_ERROR" || /unexpected end/i.test(e.message) ? "the gzip stream ends early (truncated file)" : `not valid gzip data (${e.message})`;
  return skipped(file, "CORRUPT_GZIP", `${msg}; skipped`);
}

/** Streams the inflated bytes in large chunks so a big file never sits in memory whole. */
function inflateChunks(compressed: Buffer, onChunk: (b: Buffer) => void): Promise<Error | null> {
  return new Promise((resolve) => {
    const z = createGunzip({ chunkSize: GUNZIP_CHUNK });
    z.on("data", onChunk);
    z.on("error", (e) => resolve(e));
    z.on("end", () => resolve(null));
    z.end(compressed);
  });
}
