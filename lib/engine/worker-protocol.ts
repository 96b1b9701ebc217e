import type { LogSource, ScanWarning } from "@/lib/core/types";
import type { ScanErrorCode } from "./errors";

/** workerData of a scan worker (structured-clone safe). */
export interface WorkerInit {
  principalArn: string;
  window: { start: string; end: string };
  source: LogSource;
  fastPath: boolean;
}

/** `fullParse`: parse every record of this file (the fast path split it wrongly) */
export type ToWorker = { type: "file"; id: number; key: string; fullParse?: boolean };

export interface FileDone {
  type: "done";
  id: number;
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  key: string;
  /** JSON text of the records that may be the principal's (see scan-file.ts) */
  candidates: string[];
  fastPath: boolean;
  skipped?: ScanWarning;
}

export type FromWorker =
  | FileDone
  | { type: "fatal"; code: ScanErrorCode; message: string };
