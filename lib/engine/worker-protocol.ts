import type { LogSource, ScanWarning, UsageSummary } from "@/lib/core/types";
import type { ScanErrorCode } from "./errors";
import type { PrincipalSelection } from "./scan-file-principals";
import type { ObjectUrl } from "@/lib/logs/s3-object-reader";

/** workerData of a scan worker (structured-clone safe). */
export interface WorkerInit {
  /** the one principal of the scan ("" with `select`) */
  principalArn: string;
  /** a scan of many principals: each worker accumulates them itself (see scan-file-principals.ts) */
  select?: PrincipalSelection;
  window: { start: string; end: string };
  source: LogSource;
  fastPath: boolean;
  /**
   * Two Int32: [0] the workers increment to claim the next listed file (no round trip to the main
   * thread); [1] the main thread increments once it has taken a file's result. Workers stop claiming
   * while more than `resultWindow` results wait, so a busy main thread cannot make memory grow.
   */
  counter: SharedArrayBuffer;
  resultWindow: number;
  /** files a worker reads at once (S3 waits on the network, disk hardly) */
  concurrency: number;
  /** a prestarted worker: run the reading path on a synthetic file until the first key comes (warm-up.ts) */
  warmUp?: boolean;
}

/**
 * `keys`: the next listed files, sent to every worker in the same order (an index is global);
 * `listed`: no more keys will come; `file`: read this one again, every record parsed.
 */
export type ToWorker =
  | { type: "keys"; keys: string[] }
  | { type: "listed" }
  | { type: "file"; key: string; fullParse: true }
  /** a scan of many principals is read: send the accumulators' summaries */
  | { type: "summarize" }
  /** the answer to an s3-access request: the main thread's S3 client's credentials and region */
  | { type: "s3-access"; credentials?: S3Credentials; region?: string; url?: ObjectUrl; error?: { code: ScanErrorCode; message: string } };

/** credentials as they cross to a worker (expiration as epoch ms) */
export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: number;
}

export interface FileDone {
  type: "done";
  /** when the worker finished the file (epoch ms, sub-ms precision): the end of the reading phase is
   * known even while the main thread is busy loading the IAM catalog */
  at: number;
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  key: string;
  /** a file read again in full on request (not claimed through the counter) */
  retry: boolean;
  /** JSON text of the records that may be the principal's (see scan-file.ts) */
  candidates: string[];
  fastPath: boolean;
  skipped?: ScanWarning;
  /** a scan of many principals: records added to the accumulators (in the window), unusable ones */
  matched?: number;
  badRecords?: ScanWarning;
}

export type FromWorker =
  /** results of several files at once (fewer messages for the main thread to handle) */
  | { type: "batch"; results: FileDone[] }
  | { type: "fatal"; code: ScanErrorCode; message: string }
  | { type: "summaries"; usages: UsageSummary[] }
  /** S3 reads sign with the main thread's client's credential provider: the worker asks for them */
  | { type: "s3-access" };
