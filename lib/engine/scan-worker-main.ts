import { parentPort, workerData } from "node:worker_threads";
import type { S3Client } from "@aws-sdk/client-s3";
import { parsePrincipalArn } from "@/lib/core/arn";
import { UsageAccumulator } from "@/lib/core/usage";
import { displayKey } from "@/lib/logs/log-store";
import { readLogObject } from "@/lib/logs/read-log-object";
import { createS3Client } from "@/lib/logs/s3-client";
import { isScanError } from "./errors";
import { scanFile } from "./scan-file";
import type { FileDone, FromWorker, ToWorker, WorkerInit } from "./worker-protocol";

const init = workerData as WorkerInit;
const port = parentPort!;
const principal = parsePrincipalArn(init.principalArn);
const acc = new UsageAccumulator(principal, { start: new Date(init.window.start), end: new Date(init.window.end) });
const s3: S3Client | undefined = init.source.kind === "s3" ? createS3Client(init.source) : undefined;
const post = (m: FromWorker) => port.postMessage(m);

async function handleFile(id: number, key: string): Promise<void> {
  const file = displayKey(init.source, key);
  let compressed: Buffer;
  try {
    compressed = await readLogObject({ source: init.source, key, s3 });
  } catch (e) {
    if (isScanError(e) && e.code === "RESOURCE_NOT_FOUND") {
      // Deleted between listing and reading (lifecycle rules do that): the file is skipped, not the scan.
      const done: FileDone = { type: "done", id, bytesCompressed: 0, bytesUncompressed: 0, eventsRead: 0, eventsMatched: 0, fastPath: false };
      post({ ...done, skipped: { file, code: "READ_ERROR", message: `${e.message}; skipped` } });
      return;
    }
    post({ type: "fatal", code: isScanError(e) ? e.code : "SERVICE", message: (e as Error).message });
    return;
  }
  const out = await scanFile({ file, compressed, principal, fastPath: init.fastPath });
  let matched = 0;
  for (const r of out.records) if (acc.add(r)) matched++;
  post({
    type: "done",
    id,
    bytesCompressed: compressed.length,
    bytesUncompressed: out.bytesUncompressed,
    eventsRead: out.eventsRead,
    eventsMatched: matched,
    fastPath: out.usedFastPath,
    skipped: out.skipped,
    badRecords: out.badRecords,
  });
}

port.on("message", (m: ToWorker) => {
  if (m.type === "file") {
    handleFile(m.id, m.key).catch((e) => post({ type: "fatal", code: "SERVICE", message: `internal error: ${(e as Error).message}` }));
  } else {
    post({ type: "summary", usage: acc.summary() });
  }
});
