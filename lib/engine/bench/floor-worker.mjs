// Benchmark floor worker: what the baseline does, plus JSON.parse of the principal's records only,
// their byte ranges known beforehand (no search, no accumulation, nothing sent back). Plain JavaScript.
import { readFileSync } from "node:fs";
import { workerData, parentPort } from "node:worker_threads";
import { gunzipSync } from "node:zlib";

const { files, ranges, counter } = workerData;
const next = new Int32Array(counter);
let bytesOut = 0;
let parsed = 0;
for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) {
  const buf = readFileSync(files[i]);
  const isize = buf.length >= 18 ? buf.readUInt32LE(buf.length - 4) : 0;
  const text = gunzipSync(buf, { chunkSize: Math.min(Math.max(isize + 64, 64 * 1024), 256 << 20) });
  bytesOut += text.length;
  const r = ranges[i];
  for (let j = 0; j < r.length; j += 2) if (JSON.parse(text.toString("utf8", r[j], r[j + 1])) !== null) parsed++;
}
parentPort.postMessage({ bytesOut, parsed });
