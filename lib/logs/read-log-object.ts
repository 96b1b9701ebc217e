import { readFileSync } from "node:fs";
import path from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import type { LogSource } from "@/lib/core/types";
import { ScanError } from "@/lib/engine/errors";

/** Reads attempts for a streamed S3 body that breaks after the SDK's own retries are done. */
const BODY_ATTEMPTS = 4;
/** A CloudTrail log file is a few MB compressed; refuse what cannot be one. */
export const MAX_COMPRESSED_BYTES = 512 * 1024 * 1024;

/** Reads one compressed log object whole (it is small; its inflated content is streamed). */
export async function readLogObject(o: { source: LogSource; key: string; s3?: S3Client; signal?: AbortSignal }): Promise<Buffer> {
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
  const client = o.s3;
  if (!client) throw new Error("readLogObject: an S3 client is required for an S3 source");
  // Loaded on first use so that workers reading a local directory never load the SDK.
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  const { isTransientS3Error, s3ScanError } = await import("./s3-errors");
  const where = `s3://${o.source.bucket}/${o.key}`;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await client.send(new GetObjectCommand({ Bucket: o.source.bucket, Key: o.key }), { abortSignal: o.signal });
      if ((res.ContentLength ?? 0) > MAX_COMPRESSED_BYTES) throw new ScanError("SERVICE", `${where} is larger than ${MAX_COMPRESSED_BYTES} bytes`);
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
