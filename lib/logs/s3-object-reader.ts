import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { S3Client } from "@aws-sdk/client-s3";
import type { LogSource } from "@/lib/core/types";

type S3Source = Extract<LogSource, { kind: "s3" }>;

/** sha256 of the empty body (a GET has none) */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const CONNECT_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** Where an object's URL starts: the bucket's endpoint as the SDK resolves it, up to the key. */
export interface ObjectUrl {
  protocol: string;
  hostname: string;
  port?: number;
  /** the path before the URI-encoded key ("" virtual-hosted, "/bucket" path-style) */
  pathPrefix: string;
}

/** Where the reader gets its credentials, region and endpoint: the S3 client's own (s3AccessOf). */
export interface S3Access {
  credentials(): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;
  region(): Promise<string>;
  /** the bucket's URL as the SDK builds it; without it the reader derives it (see objectUrlFor) */
  objectUrl?(): Promise<ObjectUrl>;
}

/**
 * The credential and region providers of an SDK client (the same objects its own requests use),
 * and the bucket's endpoint as its resolver makes it (virtual-hosted or path-style, FIPS, dual-stack,
 * partitions, a configured endpoint): captured once from a GetObject built but never sent.
 */
export function s3AccessOf(client: S3Client, bucket?: string): S3Access {
  let url: Promise<ObjectUrl> | undefined;
  return {
    credentials: () => client.config.credentials(),
    region: () => client.config.region(),
    ...(bucket ? { objectUrl: () => (url ??= resolveObjectUrl(client, bucket)) } : {}),
  };
}

const PROBE_KEY = "leastwise-endpoint-probe";

async function resolveObjectUrl(client: S3Client, bucket: string): Promise<ObjectUrl> {
  const { GetObjectCommand } = await import("@aws-sdk/client-s3");
  const command = new GetObjectCommand({ Bucket: bucket, Key: PROBE_KEY });
  let request: { protocol?: string; hostname?: string; port?: number; path?: string } | undefined;
  const captured = new Error("captured");
  command.middlewareStack.add(
    () => async (args) => {
      request = args.request as typeof request;
      throw captured;
    },
    { step: "build", priority: "low" },
  );
  await client.send(command).catch((e: unknown) => {
    if (e !== captured) throw e;
  });
  if (!request?.hostname || !request.path?.endsWith(`/${PROBE_KEY}`)) throw new Error("could not resolve the bucket's endpoint");
  return {
    protocol: request.protocol ?? "https:",
    hostname: request.hostname,
    port: request.port,
    pathPrefix: request.path.slice(0, -(PROBE_KEY.length + 1)),
  };
}

/** The URL of a bucket without the SDK's resolver (tests, and an access without objectUrl). */
export function objectUrlFor(source: S3Source, region: string): ObjectUrl {
  if (source.endpoint) {
    const base = new URL(source.endpoint);
    return {
      protocol: base.protocol,
      hostname: base.hostname,
      port: base.port ? Number(base.port) : undefined,
      pathPrefix: `${base.pathname.replace(/\/+$/, "")}/${encodeKey(source.bucket)}`,
    };
  }
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  if (source.bucket.includes("."))
    return { protocol: "https:", hostname: `s3.${region}.${suffix}`, pathPrefix: `/${encodeKey(source.bucket)}` };
  return { protocol: "https:", hostname: `${source.bucket}.s3.${region}.${suffix}`, pathPrefix: "" };
}

/** What a failed GET looks like to s3ScanError / isTransientS3Error (the SDK's error shape). */
export class S3HttpError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(
    readonly name: string,
    status: number,
    message: string,
  ) {
    super(message);
    this.$metadata = { httpStatusCode: status };
  }
}

/**
 * The reader cannot answer this one the way the SDK would (a redirect it does not follow, an
 * unexpected status): the caller reads the object through the SDK instead, which knows every case.
 */
export class NeedsSdk extends Error {}

/**
 * GetObject without the SDK's per-request machinery, for the scan's hot path (thousands of small
 * objects). Measured here (docs/engine.md, "S3 reads"): the SDK costs ~1.5 ms of CPU per GetObject
 * in its middleware stack (built per request), endpoint resolution, signing and stream wrapping,
 * and ~1.3 ms more in garbage collection in a scan worker; this reader costs ~0.1 ms. It does only
 * a signed `GET /key`: SigV4 with node:crypto, a keep-alive agent sized to the reads in flight, the
 * body into one buffer of the announced length. The credentials and the region come from the S3
 * client's own providers (the same objects the SDK uses: a refreshing provider refreshes here too),
 * and anything it does not handle (a status other than 200, 403, 404, throttling and 5xx) is
 * left to the SDK through NeedsSdk. Retries are the caller's (readLogObject).
 */
export class S3ObjectReader {
  private agent?: http.Agent;
  private transport?: typeof http | typeof https;
  private url?: Promise<ObjectUrl>;
  private signingKey?: { id: string; key: Buffer };
  private region?: string;

  constructor(
    private readonly access: S3Access,
    private readonly source: S3Source,
    private readonly maxSockets: number,
  ) {}

  destroy(): void {
    this.agent?.destroy();
  }

  async get(key: string, signal?: AbortSignal): Promise<Buffer> {
    const region = (this.region ??= this.source.region ?? (await this.access.region()));
    const url = await (this.url ??= this.access.objectUrl ? this.access.objectUrl() : Promise.resolve(objectUrlFor(this.source, region)));
    if (!this.agent) {
      this.transport = url.protocol === "http:" ? http : https;
      // A custom endpoint: every connection goes through the endpoint rule, as the SDK client's do
      // (lib/logs/s3-client.ts; a name may resolve to a forbidden address after registration).
      const lookup = this.source.endpoint ? (await import("@/lib/trails/validate-s3-endpoint")).s3EndpointLookup : undefined;
      this.agent = new this.transport.Agent({
        keepAlive: true,
        maxSockets: this.maxSockets,
        keepAliveMsecs: 10_000,
        scheduling: "lifo",
        ...(lookup ? { lookup } : {}),
      });
    }
    const credentials = await this.access.credentials();
    const host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
    const path = `${url.pathPrefix}/${encodeKey(key)}`;
    const headers = signGet({ host, path, region, credentials, now: new Date(), key: (secret, day) => this.key(secret, day, region) });
    const res = await this.request(url, path, headers, signal);
    if (res.status === 200) return res.body;
    const code = /<Code>([^<]*)<\/Code>/.exec(res.body.toString("utf8"))?.[1] ?? "";
    const message = /<Message>([^<]*)<\/Message>/.exec(res.body.toString("utf8"))?.[1] ?? `HTTP ${res.status}`;
    const bucketRegion = res.headers["x-amz-bucket-region"];
    // The bucket lives in another region (301 PermanentRedirect, 400 AuthorizationHeaderMalformed),
    // or the clock is off (RequestTimeTooSkewed): the SDK handles both (followRegionRedirects, skew
    // correction).
    if ((typeof bucketRegion === "string" && bucketRegion && bucketRegion !== region) || code === "RequestTimeTooSkewed")
      throw new NeedsSdk(`HTTP ${res.status} ${code}`);
    if (res.status === 403 || res.status === 404 || res.status === 429 || res.status >= 500)
      throw new S3HttpError(
        code || (res.status === 404 ? "NoSuchKey" : res.status === 403 ? "AccessDenied" : "ServiceUnavailable"),
        res.status,
        message,
      );
    throw new NeedsSdk(`HTTP ${res.status} ${code}`);
  }

  /** kSigning of SigV4, cached per secret, day and region */
  private key(secret: string, day: string, region: string): Buffer {
    const id = `${secret}\n${day}\n${region}`;
    if (this.signingKey?.id === id) return this.signingKey.key;
    const key = deriveSigningKey(secret, day, region);
    this.signingKey = { id, key };
    return key;
  }

  private request(
    url: ObjectUrl,
    path: string,
    headers: http.OutgoingHttpHeaders,
    signal?: AbortSignal,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = this.transport!.request(
        { agent: this.agent, host: url.hostname, port: url.port, method: "GET", path, headers, signal, timeout: CONNECT_TIMEOUT_MS },
        (res) => {
          req.setTimeout(REQUEST_TIMEOUT_MS);
          const length = Number(res.headers["content-length"]);
          const status = res.statusCode ?? 0;
          if (Number.isSafeInteger(length) && length >= 0 && status === 200) {
            // One buffer of the announced size: no chunk list, no concatenation.
            const body = Buffer.allocUnsafe(length);
            let at = 0;
            res.on("data", (c: Buffer) => {
              if (at + c.length > length)
                return res.destroy(Object.assign(new Error("response longer than its Content-Length"), { code: "ECONNRESET" }));
              c.copy(body, at);
              at += c.length;
            });
            res.on("end", () =>
              at === length
                ? resolve({ status, headers: res.headers, body })
                : reject(Object.assign(new Error("response shorter than its Content-Length"), { code: "ECONNRESET" })),
            );
          } else {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
          }
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(Object.assign(new Error("S3 request timed out"), { name: "TimeoutError", code: "ETIMEDOUT" })));
      req.on("error", reject);
      req.end();
    });
  }
}

/**
 * SigV4 headers of a body-less GET of `path` (already URI-encoded) on `host`, as the AWS SDK's
 * signer makes them for S3 (tested against @smithy/signature-v4). `key` may return a cached kSigning.
 */
export function signGet(o: {
  host: string;
  path: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now: Date;
  key?: (secret: string, day: string) => Buffer;
}): http.OutgoingHttpHeaders {
  const amzDate = o.now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const token = o.credentials.sessionToken;
  const signedHeaders = token ? "host;x-amz-content-sha256;x-amz-date;x-amz-security-token" : "host;x-amz-content-sha256;x-amz-date";
  const canonical = `GET\n${o.path}\n\nhost:${o.host}\nx-amz-content-sha256:${EMPTY_SHA256}\nx-amz-date:${amzDate}\n${token ? `x-amz-security-token:${token}\n` : ""}\n${signedHeaders}\n${EMPTY_SHA256}`;
  const scope = `${day}/${o.region}/s3/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signingKey = o.key ? o.key(o.credentials.secretAccessKey, day) : deriveSigningKey(o.credentials.secretAccessKey, day, o.region);
  const signature = createHmac("sha256", signingKey).update(toSign).digest("hex");
  const headers: http.OutgoingHttpHeaders = {
    host: o.host,
    "x-amz-content-sha256": EMPTY_SHA256,
    "x-amz-date": amzDate,
    authorization: `AWS4-HMAC-SHA256 Credential=${o.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
  if (token) headers["x-amz-security-token"] = token;
  return headers;
}

function deriveSigningKey(secret: string, day: string, region: string): Buffer {
  const hmac = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), "s3"), "aws4_request");
}

/** URI-encodes a key for the path, keeping "/" (S3 keys are encoded once, per segment, RFC 3986). */
export function encodeKey(key: string): string {
  return key
    .split("/")
    .map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}
