import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export interface S3rverHandle {
  endpoint: string;
  /** an S3 client configured for s3rver (path style, dummy keys, checksums only when required) */
  client: S3Client;
  /** the child's pid (for RSS measurements) */
  pid: number;
  stop(): Promise<void>;
}

/** s3rver accepts any signature made with these (its default) keys. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

function childScript(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, "s3rver-child.mjs");
}

/** Starts a real s3rver on a free 127.0.0.1 port in a child process with its own data directory. */
export async function startS3rver(opts: { buckets?: string[] } = {}): Promise<S3rverHandle> {
  const dir = await mkdtemp(path.join(tmpdir(), "leastwise-s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", childScript(), dir], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", (line) => {
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch (e) {
        reject(e);
      }
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited early (code ${code})`)));
    child.once("error", reject);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3rverClient(endpoint);
  for (const b of opts.buckets ?? []) await client.send(new CreateBucketCommand({ Bucket: b }));
  return {
    endpoint,
    client,
    pid: child.pid!,
    async stop() {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.stdin!.end();
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function s3rverClient(endpoint: string): S3Client {
  return new S3Client({
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: S3RVER_CREDENTIALS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Uploads every file under `dir` to `bucket` (keys relative to dir, under `prefix`). Returns the count. */
export async function uploadDirectory(o: {
  client: S3Client;
  bucket: string;
  dir: string;
  prefix?: string;
  concurrency?: number;
  create?: boolean;
}): Promise<number> {
  if (o.create)
    await o.client.send(new CreateBucketCommand({ Bucket: o.bucket })).catch((e) => {
      if ((e as Error).name !== "BucketAlreadyOwnedByYou" && (e as Error).name !== "BucketAlreadyExists") throw e;
    });
  const files: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) files.push(p);
    }
  };
  await walk(o.dir);
  let next = 0;
  const prefix = o.prefix ? o.prefix.replace(/\/?$/, "/") : "";
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++];
      const key = prefix + path.relative(o.dir, f).split(path.sep).join("/");
      await o.client.send(new PutObjectCommand({ Bucket: o.bucket, Key: key, Body: await readFile(f) }));
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 16 }, worker));
  return files.length;
}
