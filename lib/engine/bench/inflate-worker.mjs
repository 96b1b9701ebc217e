// Benchmark worker: read and gunzip files, nothing else. Plain JavaScript, no loader. With `ranges`
// (the floor row, floor-child.ts) it also JSON.parses those byte ranges of each inflated file.
import { readFileSync } from "node:fs";
import { workerData, parentPort } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

const { files, counter, ranges } = workerData;
const next = new Int32Array(counter);
let bytesIn = 0;
let bytesOut = 0;
let parsed = 0;
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  const buf = readFileSync(files[i]);
  bytesIn += buf.length;
  // The fastest inflate found here: one output buffer sized from the gzip trailer (ISIZE).
  const isize = buf.length >= 18 ? buf.readUInt32LE(buf.length - 4) : 0;
  const text = gunzipSync(buf, { chunkSize: Math.min(Math.max(isize + 64, 64 * 1024), 256 << 20) });
  bytesOut += text.length;
  if (ranges) {
    const r = ranges[i];
    for (let j = 0; j < r.length; j += 2) if (JSON.parse(text.toString("utf8", r[j], r[j + 1])) !== null) parsed++;
  }
}
parentPort.postMessage({ bytesIn, bytesOut, parsed });
