// Child of scripts/bench.ts: the CPU one S3 object read costs in one thread, nothing else (no
// inflating, no sifting): every listed object of the trail read `rounds` times with our reader
// (readLogObject) and with the SDK's GetObject, `inFlight` at a time. Prints one JSON line.
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { createS3Client } from "@/lib/logs/s3-client";
import { readLogObject } from "@/lib/logs/read-log-object";
import { S3LogStore } from "@/lib/logs/s3-log-store";

const [endpoint, bucket, inFlightText, roundsText] = process.argv.slice(2);
const inFlight = Number(inFlightText ?? 16);
const rounds = Number(roundsText ?? 3);
const source = { kind: "s3" as const, bucket, endpoint };
const client = createS3Client(source);
const store = new S3LogStore(client, bucket);
const keys: string[] = [];
for (const region of await store.listFolders("AWSLogs/111122223333/CloudTrail/")) {
  for (const f of await store.listFiles(`AWSLogs/111122223333/CloudTrail/${region}/`)) keys.push(f.key);
}

async function measure(read: (key: string) => Promise<number>): Promise<{ cpuMsPerObject: number; objectsPerS: number }[]> {
  const out = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    let next = 0;
    let bytes = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < keys.length) {
          const n = await read(keys[next++]);
          bytes += n;
        }
      }),
    );
    const c = process.cpuUsage(c0);
    if (bytes === 0) throw new Error("nothing read");
    out.push({ cpuMsPerObject: (c.user + c.system) / 1000 / keys.length, objectsPerS: keys.length / ((performance.now() - t0) / 1000) });
  }
  return out;
}

const reader = await measure(async (key) => (await readLogObject({ source, key, s3: client, maxSockets: inFlight })).length);
const sdk = await measure(
  async (key) => (await (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray()).length,
);
process.stdout.write(`${JSON.stringify({ objects: keys.length, reader, sdk })}\n`);
process.exit(0);
