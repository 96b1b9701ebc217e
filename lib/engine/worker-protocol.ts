import type { CloudTrailRecord, LogSource, ScanWarning } from "@/lib/core/types";
import type { ScanErrorCode } from "./errors";

/** workerData of a scan worker (structured-clone safe). */
export interface WorkerInit {
  principalArn: string;
  window: { start: string; end: string };
  source: LogSource;
  fastPath: boolean;
}

export type ToWorker = { type: "file"; id: number; key: string };

export interface FileDone {
  type: "done";
  id: number;
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  /** the principal's usable records of the file (a small share of all records) */
  records: CloudTrailRecord[];
  fastPath: boolean;
  skipped?: ScanWarning;
  badRecords?: ScanWarning;
}

export type FromWorker =
  | FileDone
  | { type: "fatal"; code: ScanErrorCode; message: string };
