import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/**
 * A fast S3-compatible server for benchmarks and tests: objects held in memory, path-style
 * addressing, and only what reading a trail needs: HeadBucket, ListObjectsV2 (prefix, delimiter,
 * start-after, max-keys, continuation), GetObject and PutObject (plain bodies). Every request waits
 * `latencyMs` before it is answered, as real S3's first byte does (~20-30 ms), without spending CPU
 * while it waits. Requests must carry a SigV4 Authorization header; with `verify` (keys) the
 * signature of every GET and HEAD is checked with the AWS SDK's own signer (@smithy/signature-v4),
 * as S3 does (s3rver does not check signatures at all). s3rver cannot measure a fast client: it is
 * itself CPU-bound (one JavaScript thread writing each object to disk and back).
 */
export interface FastS3 {
  endpoint: string;
  /** every request's method, path+query and Authorization header, when `record` is on (off by default: benchmarks) */
  requests: { method: string; path: string; authorization?: string }[];
  /** largest number of requests being answered at once since the last reset */
  maxInFlight: number;
  /** the same for object GETs alone (listings not counted) */
  maxGetsInFlight: number;
  requestCount: number;
  setLatency(ms: number): void;
  resetCounters(): void;
  put(bucket: string, key: string, body: Buffer): void;
  /** keeps a key in listings but answers NoSuchKey to its GET: an object deleted after it was listed */
  vanish(bucket: string, key: string): void;
  /** loads every file under `dir` as keys relative to it (under `prefix`); returns the count */
  loadDirectory(o: { bucket: string; dir: string; prefix?: string }): Promise<number>;
  stop(): Promise<void>;
}

interface Bucket {
  objects: Map<string, { body: Buffer; etag: string; modified: string }>;
  /** sorted keys, rebuilt lazily after a put */
  sorted?: string[];
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function startFastS3(
  opts: {
    buckets?: string[];
    latencyMs?: number;
    record?: boolean;
    port?: number;
    /** keys to check signatures with ("*": any access key id, this secret) */ verify?: { accessKeyId: string; secretAccessKey: string };
  } = {},
): Promise<FastS3> {
  const buckets = new Map<string, Bucket>();
  for (const b of opts.buckets ?? []) buckets.set(b, { objects: new Map() });
  let latency = opts.latencyMs ?? 0;
  const vanished = new Set<string>();
  let inFlight = 0;
  let getsInFlight = 0;
  const handle: FastS3 = {
    endpoint: "",
    requests: [],
    maxInFlight: 0,
    maxGetsInFlight: 0,
    requestCount: 0,
    setLatency: (ms) => void (latency = ms),
    resetCounters() {
      handle.maxInFlight = 0;
      handle.maxGetsInFlight = 0;
      handle.requestCount = 0;
      handle.requests.length = 0;
    },
    put(bucket, key, body) {
      let b = buckets.get(bucket);
      if (!b) buckets.set(bucket, (b = { objects: new Map() }));
      b.objects.set(key, {
        body,
        etag: `"${((body.length * 2654435761) >>> 0).toString(16)}${key.length.toString(16)}"`,
        modified: new Date().toUTCString(),
      });
      b.sorted = undefined;
    },
    vanish(bucket, key) {
      vanished.add(`${bucket}/${key}`);
    },
    async loadDirectory(o) {
      let n = 0;
      const prefix = o.prefix ? o.prefix.replace(/\/?$/, "/") : "";
      const walk = async (d: string): Promise<void> => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) await walk(p);
          else if (e.isFile()) {
            handle.put(o.bucket, prefix + path.relative(o.dir, p).split(path.sep).join("/"), await readFile(p));
            n++;
          }
        }
      };
      await walk(o.dir);
      return n;
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };

  const error = (res: http.ServerResponse, status: number, code: string, message: string, head = false) => {
    res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": "FASTS3" });
    res.end(
      head
        ? undefined
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>FASTS3</RequestId></Error>`,
    );
  };

  const answer = async (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | undefined) => {
    const url = new URL(req.url ?? "/", "http://s3.local");
    const method = req.method ?? "GET";
    const head = method === "HEAD";
    if (!/^AWS4-HMAC-SHA256 Credential=/.test(req.headers.authorization ?? ""))
      return error(res, 403, "AccessDenied", "Access Denied (request not signed)", head);
    if (opts.verify && (method === "GET" || head) && !(await signatureMatches(req, url, opts.verify))) {
      return error(
        res,
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided.",
        head,
      );
    }
    const slash = url.pathname.indexOf("/", 1);
    const bucketName = decodeURIComponent(slash === -1 ? url.pathname.slice(1) : url.pathname.slice(1, slash));
    const key = slash === -1 ? "" : decodeURIComponent(url.pathname.slice(slash + 1));
    const bucket = buckets.get(bucketName);
    if (!bucket) return error(res, 404, "NoSuchBucket", "The specified bucket does not exist", head);
    if (key === "") {
      if (head) {
        res.writeHead(200, { "x-amz-bucket-region": "us-east-1" });
        return res.end();
      }
      if (method === "GET" && url.searchParams.get("list-type") === "2") return list(res, bucketName, bucket, url.searchParams);
      return error(res, 501, "NotImplemented", `${method} ${url.search} is not implemented by this test server`);
    }
    if (method === "PUT") {
      handle.put(bucketName, key, body ?? Buffer.alloc(0));
      res.writeHead(200, { etag: bucket.objects.get(key)!.etag });
      return res.end();
    }
    if (method !== "GET" && !head) return error(res, 501, "NotImplemented", `${method} is not implemented by this test server`);
    const o = vanished.has(`${bucketName}/${key}`) ? undefined : bucket.objects.get(key);
    if (!o) return error(res, 404, "NoSuchKey", "The specified key does not exist.", head);
    res.writeHead(200, {
      "content-type": "application/octet-stream",
      "content-length": String(o.body.length),
      etag: o.etag,
      "last-modified": o.modified,
      "accept-ranges": "bytes",
    });
    res.end(head ? undefined : o.body);
  };

  const list = (res: http.ServerResponse, name: string, bucket: Bucket, q: URLSearchParams) => {
    const sorted = (bucket.sorted ??= [...bucket.objects.keys()].sort());
    const prefix = q.get("prefix") ?? "";
    const delimiter = q.get("delimiter") ?? "";
    const token = q.get("continuation-token");
    const maxKeys = Math.min(Math.max(Number(q.get("max-keys") ?? 1000) || 0, 0), 1000);
    let after = q.get("start-after") ?? "";
    if (token) {
      try {
        after = Buffer.from(token, "base64url").toString("utf8");
      } catch {
        return error(res, 400, "InvalidArgument", "The continuation token provided is incorrect");
      }
    }
    // first key > after and >= prefix (binary search)
    const from = after > prefix ? after : prefix;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < from || (sorted[mid] === after && after !== "")) lo = mid + 1;
      else hi = mid;
    }
    const contents: string[] = [];
    const commons: string[] = [];
    let last = "";
    let truncated = false;
    for (let i = lo; i < sorted.length; i++) {
      const k = sorted[i];
      if (!k.startsWith(prefix)) break;
      if (k === after) continue;
      if (contents.length + commons.length >= maxKeys) {
        truncated = true;
        break;
      }
      const d = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
      if (d !== -1) {
        const cp = k.slice(0, d + delimiter.length);
        commons.push(cp);
        // skip the rest of this common prefix
        while (i + 1 < sorted.length && sorted[i + 1].startsWith(cp)) i++;
        last = sorted[i];
        continue;
      }
      const o = bucket.objects.get(k)!;
      contents.push(
        `<Contents><Key>${xmlEscape(k)}</Key><LastModified>${new Date(o.modified).toISOString()}</LastModified><ETag>${xmlEscape(o.etag)}</ETag><Size>${o.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      );
      last = k;
    }
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(name)}</Name><Prefix>${xmlEscape(prefix)}</Prefix>` +
      `${delimiter ? `<Delimiter>${xmlEscape(delimiter)}</Delimiter>` : ""}<MaxKeys>${maxKeys}</MaxKeys><KeyCount>${contents.length + commons.length}</KeyCount>` +
      `${token ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : ""}<IsTruncated>${truncated}</IsTruncated>` +
      `${truncated ? `<NextContinuationToken>${Buffer.from(last, "utf8").toString("base64url")}</NextContinuationToken>` : ""}` +
      `${contents.join("")}${commons.map((c) => `<CommonPrefixes><Prefix>${xmlEscape(c)}</Prefix></CommonPrefixes>`).join("")}</ListBucketResult>`;
    res.writeHead(200, { "content-type": "application/xml", "content-length": String(Buffer.byteLength(xml)) });
    res.end(xml);
  };

  const server = http.createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    handle.requestCount++;
    if (opts.record) handle.requests.push({ method: req.method ?? "GET", path: req.url ?? "/", authorization: req.headers.authorization });
    inFlight++;
    if (inFlight > handle.maxInFlight) handle.maxInFlight = inFlight;
    res.on("close", () => inFlight--);
    if (req.method === "GET" && !(req.url ?? "").includes("list-type=")) {
      getsInFlight++;
      if (getsInFlight > handle.maxGetsInFlight) handle.maxGetsInFlight = getsInFlight;
      res.on("close", () => getsInFlight--);
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const go = () =>
        void answer(req, res, chunks.length ? Buffer.concat(chunks) : undefined).catch(() =>
          error(res, 500, "InternalError", "test server error"),
        );
      if (latency > 0) setTimeout(go, latency);
      else go();
    });
  });
  server.maxHeadersCount = 100;
  await new Promise<void>((r) => server.listen(opts.port ?? 0, "127.0.0.1", r));
  handle.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return handle;
}

/** Recomputes a body-less request's SigV4 signature with the SDK's signer, from the headers it signed. */
async function signatureMatches(
  req: http.IncomingMessage,
  url: URL,
  keys: { accessKeyId: string; secretAccessKey: string },
): Promise<boolean> {
  const auth = req.headers.authorization ?? "";
  const m = /Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]+)/.exec(auth);
  const amzDate = req.headers["x-amz-date"];
  if (!m || (m[1] !== keys.accessKeyId && keys.accessKeyId !== "*") || typeof amzDate !== "string") return false;
  const [, , , region, signedHeaders] = m;
  const headers: Record<string, string> = {};
  for (const h of signedHeaders.split(";")) {
    const v = req.headers[h];
    if (typeof v !== "string") return false;
    headers[h] = v;
  }
  const { SignatureV4 } = await import("@smithy/signature-v4");
  const { Sha256 } = await import("@aws-crypto/sha256-js");
  const signer = new SignatureV4({
    service: "s3",
    region,
    credentials: {
      accessKeyId: m[1],
      secretAccessKey: keys.secretAccessKey,
      sessionToken: req.headers["x-amz-security-token"] as string | undefined,
    },
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: true,
  });
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const date = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const unsignable = new Set(Object.keys(req.headers).filter((h) => !signedHeaders.split(";").includes(h)));
  const signed = await signer.sign(
    { method: req.method ?? "GET", protocol: "http:", hostname: url.hostname, path: url.pathname, headers, query },
    { signingDate: date, unsignableHeaders: unsignable },
  );
  return signed.headers.authorization === auth;
}
