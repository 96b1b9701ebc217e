import type { LogSource, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { ScanErrorCode } from "./errors";

/** workerData of a scan worker (structured-clone safe). */
export interface WorkerInit {
  principalArn: string;
  window: { start: string; end: string };
  source: LogSource;
  fastPath: boolean;
}

export type ToWorker = { type: "file"; id: number; key: string } | { type: "finish" };

export interface FileDone {
  type: "done";
  id: number;
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  eventsMatched: number;
  fastPath: boolean;
  skipped?: ScanWarning;
  badRecords?: ScanWarning;
}

export type FromWorker =
  | FileDone
  | { type: "summary"; usage: UsageSummary }
  | { type: "fatal"; code: ScanErrorCode; message: string };
