import { parentPort, workerData } from "node:worker_threads";
import type { S3Client } from "@aws-sdk/client-s3";
import { parsePrincipalArn } from "@/lib/core/arn";
import { displayKey } from "@/lib/logs/log-store";
import { readLogObject } from "@/lib/logs/read-log-object";
import { isScanError } from "./errors";
import { scanFile } from "./scan-file";
import type { FromWorker, ToWorker, WorkerInit } from "./worker-protocol";

// A worker reads, inflates and sifts files; it sends the text of the records that may be the
// principal's to the main thread, which parses them and holds the one UsageAccumulator. Accumulating here would load the IAM catalog (~100 MB and
// seconds of start-up) into every worker for work that is a few per cent of the records.
const init = workerData as WorkerInit;
const port = parentPort!;
const principal = parsePrincipalArn(init.principalArn);
const post = (m: FromWorker) => port.postMessage(m);
let s3: Promise<S3Client> | undefined;
const s3Client = () => (s3 ??= import("@/lib/logs/s3-client").then((m) => m.createS3Client(init.source as Extract<WorkerInit["source"], { kind: "s3" }>)));

async function handleFile(id: number, key: string, fullParse: boolean): Promise<void> {
  const file = displayKey(init.source, key);
  let compressed: Buffer;
  try {
    compressed = await readLogObject({ source: init.source, key, s3: init.source.kind === "s3" ? await s3Client() : undefined });
  } catch (e) {
    if (isScanError(e) && e.code === "RESOURCE_NOT_FOUND") {
      // Deleted between listing and reading (lifecycle rules do that): the file is skipped, not the scan.
      post({ type: "done", id, key, bytesCompressed: 0, bytesUncompressed: 0, eventsRead: 0, candidates: [], fastPath: false, skipped: { file, code: "READ_ERROR", message: `${e.message}; skipped` } });
      return;
    }
    post({ type: "fatal", code: isScanError(e) ? e.code : "SERVICE", message: (e as Error).message });
    return;
  }
  const out = await scanFile({ file, compressed, principal, fastPath: init.fastPath && !fullParse });
  post({
    type: "done",
    id,
    key,
    bytesCompressed: compressed.length,
    bytesUncompressed: out.bytesUncompressed,
    eventsRead: out.eventsRead,
    candidates: out.candidates,
    fastPath: out.usedFastPath,
    skipped: out.skipped,
  });
}

port.on("message", (m: ToWorker) => {
  handleFile(m.id, m.key, m.fullParse === true).catch((e) => post({ type: "fatal", code: "SERVICE", message: `internal error: ${(e as Error).message}` }));
});
