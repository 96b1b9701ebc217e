import { createGunzip, gunzipSync } from "node:zlib";
import type { CloudTrailRecord, Principal, ScanWarning } from "@/lib/core/types";
import { recordMatchesPrincipal } from "@/lib/core/principal";
import { FastRecordScanner } from "./fast-record-scanner";
import { parseLogFile } from "./parse-log-file";

/** What one log file contributed. A skipped file contributes nothing. */
export interface FileOutcome {
  eventsRead: number;
  bytesUncompressed: number;
  /**
   * JSON text of the records that may be the principal's. The main thread parses them once and
   * decides (recordMatchesPrincipal): sending text costs a copy, sending objects a structured clone
   * on both sides, which is slower than the parse.
   */
  candidates: string[];
  /** set when the whole file was skipped */
  skipped?: ScanWarning;
  usedFastPath: boolean;
}

export interface ScanFileOptions {
  file: string; // display name for warnings
  compressed: Buffer;
  principal: Principal;
  /** false: parse every record (the reference path the fast path is tested against) */
  fastPath: boolean;
  /** compressed size above which the file is streamed (default SYNC_INFLATE_MAX; tests lower it) */
  syncInflateMax?: number;
}

const GUNZIP_CHUNK = 1 << 20;
/**
 * Files up to this compressed size are inflated in one synchronous call (2-3x faster than a zlib
 * stream, whose chunks hop through the libuv pool); larger ones are streamed so that memory stays
 * bounded whatever a file's size. CloudTrail files are rarely over 1 MB compressed.
 */
export const SYNC_INFLATE_MAX = 4 << 20;

/**
 * gzip ends with the inflated size (mod 2^32): inflating into one buffer of that size avoids the
 * default 16 KB chunks and their concatenation (~1.5x faster). Only a hint: zlib adds chunks when
 * it is wrong (several gzip members, over 4 GB).
 */
export function inflatedSizeHint(gz: Buffer): number {
  const isize = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  return Math.min(Math.max(isize + 64, 64 * 1024), 256 << 20);
}

export async function scanFile(o: ScanFileOptions): Promise<FileOutcome> {
  if (o.compressed.length === 0) return skipped(o.file, "EMPTY_FILE", "the file is empty (0 bytes); skipped");
  if (o.fastPath) {
    const scanner = new FastRecordScanner(JSON.stringify(o.principal.arn));
    let bytes = 0;
    if (o.compressed.length <= (o.syncInflateMax ?? SYNC_INFLATE_MAX)) {
      let whole: Buffer;
      try {
        whole = gunzipSync(o.compressed, { chunkSize: inflatedSizeHint(o.compressed) });
      } catch (e) {
        return gzipProblem(o.file, e as Error);
      }
      bytes = whole.length;
      scanner.push(whole);
    } else {
      const err = await inflateChunks(o.compressed, (chunk) => {
        bytes += chunk.length;
        scanner.push(chunk);
      });
      if (err) return gzipProblem(o.file, err);
    }
    if (scanner.end())
      return { eventsRead: scanner.eventsRead, bytesUncompressed: bytes, candidates: scanner.candidates, usedFastPath: true };
  }
  return fullParse(o);
}

/** The reference path and the fallback for files not in the canonical compact layout. */
export function fullParse(o: ScanFileOptions): FileOutcome {
  let text: Buffer;
  try {
    text = gunzipSync(o.compressed, { chunkSize: inflatedSizeHint(o.compressed) });
  } catch (e) {
    return gzipProblem(o.file, e as Error);
  }
  const parsed = parseLogFile(text.toString("utf8"));
  if (!parsed.ok) return { ...skipped(o.file, parsed.code, parsed.message), bytesUncompressed: text.length };
  const records = parsed.records.filter((r) => r !== null && typeof r === "object" && !Array.isArray(r));
  const candidates = records.filter((r) => recordMatchesPrincipal(r as CloudTrailRecord, o.principal)).map((r) => JSON.stringify(r));
  return { eventsRead: records.length, bytesUncompressed: text.length, candidates, usedFastPath: false };
}

function skipped(file: string, code: ScanWarning["code"], message: string): FileOutcome {
  return { eventsRead: 0, bytesUncompressed: 0, candidates: [], skipped: { file, code, message }, usedFastPath: false };
}

function gzipProblem(file: string, e: Error): FileOutcome {
  const code = (e as NodeJS.ErrnoException).code;
  const msg =
    code === "Z_BUF_ERROR" || /unexpected end/i.test(e.message)
      ? "the gzip stream ends early (truncated file)"
      : `not valid gzip data (${e.message})`;
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
