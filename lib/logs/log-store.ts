import type { LogSource } from "@/lib/core/types";
import type { S3Access } from "./s3-object-reader";

/** One log object found by listing. `key` is relative to the store root ("/"-separated). */
export interface LogFileRef {
  key: string;
  size: number;
}

/**
 * What the scanner needs from a place that holds a trail: folder-like listing by prefix.
 * Keys always use "/" and are relative to the store root (the directory or the bucket).
 */
export interface LogStore {
  /** "dir" or "s3://bucket/" — prefixed to keys in messages */
  readonly label: string;
  /** fails with ScanError RESOURCE_NOT_FOUND / ACCESS_DENIED when the root cannot be read */
  checkRoot(signal?: AbortSignal): Promise<void>;
  /** names of the sub-folders directly under `prefix` (which ends with "/") */
  listFolders(prefix: string, signal?: AbortSignal): Promise<string[]>;
  /** objects under `prefix`; with a deeper "/" in the rest of the key they are nested */
  listFiles(prefix: string, signal?: AbortSignal): Promise<LogFileRef[]>;
  /** number of list requests made (tests prove pruning with it) */
  readonly listCalls: number;
  /** S3 stores: the credentials and region its reads are signed with (see s3-object-reader.ts) */
  s3Access?(): S3Access;
}

/** The serializable description of a source a worker thread needs to open files itself. */
export type LogSourceSpec = LogSource;

export function displayKey(source: LogSource, key: string): string {
  if (source.kind === "s3") return `s3://${source.bucket}/${key}`;
  return `${source.dir.replace(/\/+$/, "")}/${key}`;
}
