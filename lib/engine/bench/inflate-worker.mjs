// Benchmark baseline worker: read and gunzip files, nothing else. Plain JavaScript, no loader.
import { readFileSync } from "node:fs";
import { workerData, parentPort } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

const { files, counter } = workerData;
const next = new Int32Array(counter);
let bytesIn = 0;
let bytesOut = 0;
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  const buf = readFileSync(files[i]);
  bytesIn += buf.length;
  // The fastest inflate found here: one output buffer sized from the gzip trailer (ISIZE).
  const isize = buf.length >= 18 ? buf.readUInt32LE(buf.length - 4) : 0;
  bytesOut += gunzipSync(buf, { chunkSize: Math.min(Math.max(isize + 64, 64 * 1024), 256 << 20) }).length;
}
parentPort.postMessage({ bytesIn, bytesOut });
