import { parentPort, workerData } from "node:worker_threads";
import type { S3Client } from "@aws-sdk/client-s3";
import { parsePrincipalArn } from "@/lib/core/arn";
import { displayKey } from "@/lib/logs/log-store";
import { readLogObject } from "@/lib/logs/read-log-object";
import { ScanError, isScanError } from "./errors";
import { objectUrlFor, type ObjectUrl, type S3Access } from "@/lib/logs/s3-object-reader";
import { scanFile } from "./scan-file";
import { PrincipalAccumulators, scanFilePrincipals } from "./scan-file-principals";
import type { FileDone, FromWorker, S3Credentials, ToWorker, WorkerInit } from "./worker-protocol";
import { warmUp } from "./warm-up";

// A worker claims listed files through a shared counter, reads, inflates and sifts them, and sends
// the text of the records that may be the principal's to the main thread, which parses them and
// holds the one UsageAccumulator. Claiming without a round trip keeps the workers busy while the
// main thread is occupied (loading the IAM catalog, accumulating). Accumulating here instead (each
// worker loading the catalog snapshot and merging summaries at the end) measured slower on 2 cores:
// see docs/engine.md, "Why 0.7x is out of reach here".
const init = workerData as WorkerInit;
const port = parentPort!;
const principal = init.select ? undefined : parsePrincipalArn(init.principalArn);
/** a scan of many principals: this worker's accumulators (the IAM catalog loads on first use) */
let many: Promise<PrincipalAccumulators> | undefined;
const accumulators = () =>
  (many ??= (async () => {
    await import("@/lib/catalog-cache/install");
    const { UsageAccumulator } = await import("@/lib/core/usage");
    return new PrincipalAccumulators(UsageAccumulator, init.select!, {
      start: new Date(init.window.start),
      end: new Date(init.window.end),
    });
  })());
const counter = new Int32Array(init.counter);
const post = (m: FromWorker) => port.postMessage(m);
// Results go out in batches: one message per file costs the main thread more than the parse of
// its few candidates. A batch leaves when it is full or when the thread has nothing else to run.
const BATCH = 8;
const S3_FLUSH_MS = 5;
let results: FileDone[] = [];
let flushScheduled = false;
const flush = () => {
  flushScheduled = false;
  if (results.length === 0) return;
  post({ type: "batch", results });
  results = [];
};
const done = (r: FileDone) => {
  results.push(r);
  if (results.length >= BATCH) flush();
  else if (!flushScheduled) {
    flushScheduled = true;
    // Local reads are synchronous: the thread is idle only once a run of files is done. S3 reads
    // finish one at a time between network waits, which would send a message per file (~0.15 ms
    // each on both sides, 20-30% of the CPU an S3 object costs): wait a few milliseconds for more.
    if (init.source.kind === "s3") setTimeout(flush, S3_FLUSH_MS);
    else setImmediate(flush);
  }
};
const now = () => performance.timeOrigin + performance.now();
const keys: string[] = [];
let listed = false;
const waiters = new Map<number, (key: string | undefined) => void>();
// S3 reads sign with the credentials of the main thread's S3 client (one provider for the whole
// scan: a refreshing provider of an assumed role refreshes once, not once per worker), asked for
// when none are held or they are a minute from expiring. The SDK is loaded here only for what the
// fast reader leaves to it (see s3-object-reader.ts), with the same credentials.
let held: { credentials: S3Credentials; region: string; url?: ObjectUrl; until: number } | undefined;
let asking: Promise<NonNullable<typeof held>> | undefined;
let accessWaiter: ((m: Extract<ToWorker, { type: "s3-access" }>) => void) | undefined;
const currentAccess = async () => {
  if (held && Date.now() < held.until) return held;
  asking ??= new Promise<Extract<ToWorker, { type: "s3-access" }>>((resolve) => {
    accessWaiter = resolve;
    post({ type: "s3-access" });
  }).then((m) => {
    asking = undefined;
    if (m.error || !m.credentials || !m.region) throw new ScanError(m.error?.code ?? "SERVICE", m.error?.message ?? "no S3 credentials");
    const exp = m.credentials.expiration;
    held = { credentials: m.credentials, region: m.region, url: m.url, until: exp === undefined ? Number.POSITIVE_INFINITY : exp - 60_000 };
    return held;
  });
  return asking;
};
const s3Access: S3Access = {
  credentials: async () => {
    const c = (await currentAccess()).credentials;
    return { ...c, expiration: c.expiration === undefined ? undefined : new Date(c.expiration) };
  },
  region: async () => (await currentAccess()).region,
  objectUrl: async () => {
    const a = await currentAccess();
    return a.url ?? objectUrlFor(init.source as Extract<WorkerInit["source"], { kind: "s3" }>, a.region);
  },
};
let s3: Promise<S3Client> | undefined;
const s3Client = () =>
  (s3 ??= Promise.all([import("@/lib/logs/s3-client"), currentAccess()]).then(([m, a]) =>
    m.createS3Client({
      ...(init.source as Extract<WorkerInit["source"], { kind: "s3" }>),
      credentials: {
        accessKeyId: a.credentials.accessKeyId,
        secretAccessKey: a.credentials.secretAccessKey,
        sessionToken: a.credentials.sessionToken,
      },
      region: a.region,
    }),
  ));

function keyAt(i: number): Promise<string | undefined> | string | undefined {
  if (i < keys.length) return keys[i];
  if (listed) return undefined;
  return new Promise((resolve) => waiters.set(i, resolve));
}

async function handleFile(key: string, retry: boolean): Promise<void> {
  const file = displayKey(init.source, key);
  let compressed: Buffer;
  try {
    compressed = await readLogObject({ source: init.source, key, s3: s3Client, access: s3Access, maxSockets: init.concurrency });
  } catch (e) {
    if (isScanError(e) && e.code === "RESOURCE_NOT_FOUND") {
      // Deleted between listing and reading (lifecycle rules do that): the file is skipped, not the scan.
      done({
        type: "done",
        at: now(),
        key,
        retry,
        bytesCompressed: 0,
        bytesUncompressed: 0,
        eventsRead: 0,
        candidates: [],
        fastPath: false,
        skipped: { file, code: "READ_ERROR", message: `${e.message}; skipped` },
      });
      return;
    }
    post({ type: "fatal", code: isScanError(e) ? e.code : "SERVICE", message: (e as Error).message });
    return;
  }
  if (init.select) {
    const m = scanFilePrincipals({ file, compressed, accs: await accumulators() });
    done({
      type: "done",
      at: now(),
      key,
      retry,
      bytesCompressed: compressed.length,
      bytesUncompressed: m.bytesUncompressed,
      eventsRead: m.eventsRead,
      candidates: [],
      fastPath: false,
      skipped: m.skipped,
      matched: m.eventsMatched,
      badRecords: m.badRecords,
    });
    return;
  }
  const out = await scanFile({ file, compressed, principal: principal!, fastPath: init.fastPath && !retry });
  done({
    type: "done",
    at: now(),
    key,
    retry,
    bytesCompressed: compressed.length,
    bytesUncompressed: out.bytesUncompressed,
    eventsRead: out.eventsRead,
    candidates: out.candidates,
    fastPath: out.usedFastPath,
    skipped: out.skipped,
  });
}

// Atomics.waitAsync is in Node 20 (V8 8.7+) but not in this project's TypeScript lib (es2023).
type AtomicsWithWaitAsync = {
  waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: Promise<unknown> | string };
};

/** Waits while too many results are not yet taken by the main thread. */
async function mayClaim(): Promise<void> {
  for (;;) {
    const taken = Atomics.load(counter, 1);
    if (Atomics.load(counter, 0) - taken < init.resultWindow) return;
    const w = (Atomics as unknown as AtomicsWithWaitAsync).waitAsync(counter, 1, taken, 100);
    if (w.async) await w.value;
  }
}

async function slot(): Promise<void> {
  for (;;) {
    await mayClaim();
    const key = await keyAt(Atomics.add(counter, 0, 1));
    if (key === undefined) return;
    await handleFile(key, false);
  }
}

const fatal = (e: unknown) => post({ type: "fatal", code: "SERVICE", message: `internal error: ${(e as Error).message}` });

port.on("message", (m: ToWorker) => {
  if (m.type === "keys") {
    keys.push(...m.keys);
    for (const [i, resolve] of waiters) {
      if (i < keys.length) {
        waiters.delete(i);
        resolve(keys[i]);
      }
    }
  } else if (m.type === "listed") {
    listed = true;
    for (const resolve of waiters.values()) resolve(undefined);
    waiters.clear();
  } else if (m.type === "s3-access") {
    accessWaiter?.(m);
    accessWaiter = undefined;
  } else if (m.type === "summarize") {
    flush();
    void accumulators()
      .then((a) => post({ type: "summaries", usages: a.summaries() }))
      .catch(fatal);
  } else {
    handleFile(m.key, true).catch(fatal);
  }
});

// A prestarted worker warms up while it waits for its first file (see warm-up.ts).
const warming =
  init.warmUp && principal
    ? warmUp(principal, () => keys.length > 0 || listed)
    : init.select
      ? accumulators().then(
          () => 0,
          (e: unknown) => (fatal(e), 0),
        )
      : Promise.resolve(0);
void warming.then(() => {
  for (let i = 0; i < init.concurrency; i++) slot().catch(fatal);
});
