// Verifies AWS Signature Version 4 on an incoming request against keys Leastwise issued. The
// expected signature is computed by @smithy/signature-v4 (the SDK's own signer) over exactly what
// the client signed: its SignedHeaders with their received values, the raw path and query, and the
// body. Failures are AppErrors carrying AWS's error type (details.awsErrorType), status 403.
import { createHash, timingSafeEqual } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { lookupActiveApiKey, touchApiKey } from "./api-keys";
import { readBoundedBody } from "./read-bounded-body";

const AUTH = /^AWS4-HMAC-SHA256\s+(.+)$/;

function authError(awsErrorType: string, message: string, status = 403): AppError {
  return new AppError("UNAUTHORIZED", message, { status, details: { awsErrorType } });
}

function parseAuthorization(header: string) {
  const m = AUTH.exec(header.trim());
  if (!m) {
    throw authError(
      "IncompleteSignatureException",
      `Authorization header requires the AWS4-HMAC-SHA256 algorithm with 'Credential', 'SignedHeaders' and 'Signature' parameters.`,
    );
  }
  const parts: Record<string, string> = {};
  for (const piece of m[1].split(",")) {
    const eq = piece.indexOf("=");
    if (eq > 0) parts[piece.slice(0, eq).trim()] = piece.slice(eq + 1).trim();
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((k) => !parts[k]);
  if (missing.length) {
    throw authError(
      "IncompleteSignatureException",
      `Authorization header requires '${missing.join("', '")}' parameter(s). Authorization=${m[1].slice(0, 200)}`,
    );
  }
  const scope = parts.Credential.split("/");
  if (scope.length !== 5 || scope[4] !== "aws4_request") {
    throw authError("IncompleteSignatureException", `Credential should be scoped to a valid region and service: '${parts.Credential}'.`);
  }
  const [accessKeyId, date, region, service] = scope;
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: parts.SignedHeaders.split(";").map((h) => h.trim().toLowerCase()),
    signature: parts.Signature,
  };
}

function parseAmzDate(value: string | null): Date | null {
  const m = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

function rawQuery(url: string): Record<string, string | string[]> {
  const q = url.indexOf("?");
  const out: Record<string, string | string[]> = {};
  if (q < 0) return out;
  for (const pair of url.slice(q + 1).split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1));
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function rawPath(url: string): string {
  // The path exactly as sent (still percent-encoded), never re-normalized by a URL parser.
  const afterScheme = url.replace(/^[a-z]+:\/\/[^/]*/i, "");
  const end = afterScheme.search(/[?#]/);
  return (end < 0 ? afterScheme : afterScheme.slice(0, end)) || "/";
}

/** The Access Analyzer API's bodies are a few hundred bytes; this leaves room for long ARN lists. */
export const API_MAX_BODY_BYTES = 256 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Everything that needs no body is checked first (header, date, scope, key); then the body is read
 * up to `maxBodyBytes` while hashed, compared with a declared x-amz-content-sha256, and the
 * signature is checked over it. Returns the body read, so nothing reads the request twice.
 */
export async function verifySigV4Request(
  req: Request,
  opts: {
    service: string;
    body?: Uint8Array;
    maxBodyBytes?: number;
    db?: PrismaClient;
    now?: Date;
    /** keys that are not API keys (the local STS's session keys); undefined: look up an API key */
    lookupKey?: (accessKeyId: string, request: Request) => Promise<{ secretAccessKey: string } | undefined>;
  },
): Promise<{ accessKeyId: string; region: string; body: Uint8Array }> {
  const header = req.headers.get("authorization");
  if (!header) {
    if (new URL(req.url).searchParams.has("X-Amz-Signature")) {
      throw authError("IncompleteSignatureException", "Presigned URLs are not accepted by this API; sign the Authorization header.");
    }
    throw authError("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  const auth = parseAuthorization(header);
  const amzDate = req.headers.get("x-amz-date");
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate)
    throw authError("IncompleteSignatureException", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (!auth.signedHeaders.includes("host")) throw authError("InvalidSignatureException", "'Host' must be a signed header.");
  if (!auth.signedHeaders.includes("x-amz-date")) throw authError("InvalidSignatureException", "'X-Amz-Date' must be a signed header.");
  if (auth.date !== amzDate!.slice(0, 8)) {
    throw authError(
      "InvalidSignatureException",
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`,
    );
  }
  if (auth.service !== opts.service) {
    throw authError("InvalidSignatureException", `Credential should be scoped to correct service: '${opts.service}'.`);
  }
  const now = opts.now ?? new Date();
  const skewMs = env().LEASTWISE_SIGV4_MAX_SKEW_S * 1000;
  if (Math.abs(now.getTime() - signingDate.getTime()) > skewMs) {
    const fmt = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const bound =
      signingDate < now
        ? `is now earlier than ${fmt(new Date(now.getTime() - skewMs))} (${fmt(now)} - 15 min.)`
        : `is now later than ${fmt(new Date(now.getTime() + skewMs))} (${fmt(now)} + 15 min.)`;
    throw authError("InvalidSignatureException", `Signature expired: ${amzDate} ${bound}`);
  }

  const other = opts.lookupKey ? await opts.lookupKey(auth.accessKeyId, req) : undefined;
  const key = other ? { id: undefined, ...other } : await lookupActiveApiKey({ accessKeyId: auth.accessKeyId, db: opts.db });
  if (!key) throw authError("UnrecognizedClientException", "The security token included in the request is invalid.");

  const declaredHash = req.headers.get("x-amz-content-sha256");
  if (declaredHash !== null && !SHA256_HEX.test(declaredHash)) {
    // UNSIGNED-PAYLOAD and the STREAMING-* forms are S3 features: here the body must be signed.
    throw authError(
      "InvalidSignatureException",
      `x-amz-content-sha256 must be the hex SHA-256 of the body; '${declaredHash.slice(0, 64)}' is not accepted by this service (UNSIGNED-PAYLOAD and streaming payloads are S3 features).`,
    );
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = req.headers.get(name);
    if (value === null)
      throw authError("InvalidSignatureException", `The request signature covers the header '${name}', which is missing from the request.`);
    headers[name] = value;
  }
  const url = new URL(req.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: key.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Sha256,
    // Never add x-amz-content-sha256 ourselves: only what the client signed may be in the canonical
    // request (the JS SDK sends that header, the CLI does not).
    applyChecksum: false,
  });
  const checkSignature = async (body: Uint8Array | undefined) => {
    const toSign = {
      method: req.method.toUpperCase(),
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: rawPath(req.url),
      query: rawQuery(req.url),
      headers,
      body: body?.length ? body : undefined,
    };
    const signed = await signer.sign(toSign, { signingDate, signableHeaders: new Set(auth.signedHeaders) });
    const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? "";
    const a = Buffer.from(expected);
    const b = Buffer.from(auth.signature);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      // Like AWS, show the canonical request we signed: it tells a client author what differs.
      throw authError(
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details." +
          `\n\nThe Canonical String for this request should have been\n'${await canonicalRequest(signer, toSign, headers)}'\n`,
      );
    }
  };
  // A signed payload hash (the JS SDK's style) lets the signature be checked before the body is
  // read; otherwise (the CLI's style) the body's hash is part of what was signed.
  const hashIsSigned = declaredHash !== null && "x-amz-content-sha256" in headers;
  if (hashIsSigned) await checkSignature(undefined);
  const { body, sha256 } = opts.body
    ? { body: opts.body, sha256: createHash("sha256").update(opts.body).digest("hex") }
    : await readBoundedBody(req, opts.maxBodyBytes ?? API_MAX_BODY_BYTES);
  if (declaredHash !== null && declaredHash !== sha256) {
    throw authError("InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  if (!hashIsSigned) await checkSignature(body);
  if (key.id) await touchApiKey({ id: key.id, db: opts.db, now }).catch(() => {});
  return { accessKeyId: auth.accessKeyId, region: auth.region, body };
}

async function canonicalRequest(
  signer: SignatureV4,
  request: { headers: Record<string, string>; body?: Uint8Array } & Record<string, unknown>,
  headers: Record<string, string>,
): Promise<string> {
  const payloadHash =
    headers["x-amz-content-sha256"] ??
    createHash("sha256")
      .update(request.body ?? new Uint8Array())
      .digest("hex");
  const canonicalHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.trim().replace(/\s+/g, " ")]));
  // createCanonicalRequest is the signer's own (protected) method: the exact text it hashed.
  return (signer as unknown as { createCanonicalRequest(r: unknown, h: Record<string, string>, p: string): string }).createCanonicalRequest(
    request,
    canonicalHeaders,
    payloadHash,
  );
}
