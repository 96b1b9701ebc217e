import { readFileSync } from "node:fs";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { S3Access } from "./s3-object-reader";
import type { LogSource } from "@/lib/core/types";
import { ScanError } from "@/lib/engine/errors";

/** Reads attempts for a streamed S3 body that breaks after the SDK's own retries are done. */
const BODY_ATTEMPTS = 4;
/** A CloudTrail log file is a few MB compressed; refuse what cannot be one. */
export const MAX_COMPRESSED_BYTES = 512 * 1024 * 1024;

// Loaded on first use, and once: a dynamic import per object cost ~0.1 ms each under tsx (a round
// trip to its loader thread). The SDK itself is loaded only when the fast reader needs it.
let s3Helpers: ReturnType<typeof loadS3Helpers> | undefined;
const loadS3Helpers = async () => ({ ...(await import("./s3-errors")), ...(await import("./s3-object-reader")) });
/** one reader (one keep-alive connection pool) per S3 client or access */
const readers = new WeakMap<object, import("./s3-object-reader").S3ObjectReader>();
/** attempts of one GET on the fast path, as the SDK's standard retry mode (maxAttempts 6) */
const FAST_ATTEMPTS = 6;
/** connections per reader when the caller does not say (a scan worker says: its reads in flight) */
export const DEFAULT_MAX_SOCKETS = 16;

/** Reads one compressed log object whole (it is small; its inflated content is streamed). */
export async function readLogObject(o: {
  source: LogSource;
  key: string;
  /** the SDK client (or a way to make it when needed): what the fast reader leaves to the SDK */
  s3?: S3Client | (() => Promise<S3Client>);
  /** the credentials and region to sign with (default: the client's own providers, s3AccessOf) */
  access?: S3Access;
  signal?: AbortSignal;
  /** connections of the S3 reader (first call per client or access) */
  maxSockets?: number;
}): Promise<Buffer> {
  if (o.source.kind === "local") {
    const file = path.join(o.source.dir, o.key);
    try {
      // Synchronous on purpose: this runs in a scan worker (a thread of its own), and the async
      // read would queue on libuv's 4-thread pool behind whatever else the process reads (the IAM
      // catalog loads ~800 files at start-up), leaving the workers idle.
      return readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new ScanError("RESOURCE_NOT_FOUND", `${file} disappeared after listing`, { cause: e });
      if (code === "EACCES" || code === "EPERM") throw new ScanError("ACCESS_DENIED", `permission denied reading ${file}`, { cause: e });
      throw new ScanError("SERVICE", `cannot read ${file}: ${(e as Error).message}`, { cause: e });
    }
  }
  if (!o.s3) throw new Error("readLogObject: an S3 client is required for an S3 source");
  const { isTransientS3Error, s3ScanError, S3ObjectReader, NeedsSdk, S3HttpError, s3AccessOf } = await (s3Helpers ??= loadS3Helpers());
  const where = `s3://${o.source.bucket}/${o.key}`;
  const owner: object = o.access ?? o.s3;
  let reader = readers.get(owner);
  if (reader === undefined) {
    const access = o.access ?? s3AccessOf(o.s3 as S3Client, o.source.bucket);
    readers.set(owner, (reader = new S3ObjectReader(access, o.source, o.maxSockets ?? DEFAULT_MAX_SOCKETS)));
  }
  // The hot path: our own signed GET (see s3-object-reader.ts), with the SDK's standard retry
  // policy: throttling (503 SlowDown, 429), 5xx and broken connections are retried with exponential
  // back-off and full jitter, up to FAST_ATTEMPTS times.
  for (let attempt = 1; reader; attempt++) {
    try {
      const body = await reader.get(o.key, o.signal);
      if (body.length > MAX_COMPRESSED_BYTES) throw new ScanError("SERVICE", `${where} is larger than ${MAX_COMPRESSED_BYTES} bytes`);
      return body;
    } catch (e) {
      if (o.signal?.aborted) throw new ScanError("ABORTED", "the scan was canceled");
      if (e instanceof NeedsSdk) break;
      if (attempt < FAST_ATTEMPTS && isTransientS3Error(e)) {
        await sleep(Math.random() * Math.min(20_000, 100 * 2 ** attempt), o.signal);
        continue;
      }
      // An answer of S3 (access denied, no such key, throttling after every attempt) is reported;
      // anything else (a name that does not resolve, a TLS failure...) is left to the SDK.
      if (e instanceof S3HttpError || isTransientS3Error(e) || e instanceof ScanError) throw s3ScanError(e, `reading ${where}`);
      break;
    }
  }
  // What the reader leaves to the SDK (an unexpected status): the SDK reads it and reports it.
  const client = typeof o.s3 === "function" ? await o.s3() : o.s3;
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.send(new GetObjectCommand({ Bucket: o.source.bucket, Key: o.key }), { abortSignal: o.signal });
      if ((res.ContentLength ?? 0) > MAX_COMPRESSED_BYTES)
        throw new ScanError("SERVICE", `${where} is larger than ${MAX_COMPRESSED_BYTES} bytes`);
      const bytes = await res.Body!.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (e) {
      if (o.signal?.aborted) throw new ScanError("ABORTED", "the scan was canceled");
      if (attempt < BODY_ATTEMPTS && isTransientS3Error(e)) {
        await sleep(200 * 2 ** attempt + Math.random() * 100, o.signal);
        continue;
      }
      throw s3ScanError(e, `S3 GetObject (reading ${where})`);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });
}
