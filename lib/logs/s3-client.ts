import { S3Client } from "@aws-sdk/client-s3";
import type { LogSource } from "@/lib/core/types";
import { allowedS3Endpoint, s3EndpointLookup } from "@/lib/trails/validate-s3-endpoint";

type S3Source = Extract<LogSource, { kind: "s3" }>;

/** Concurrent S3 requests per process (listing in the main thread, reads per worker). */
export const S3_MAX_SOCKETS = 16;

/**
 * An S3 client for a trail bucket: the standard credential chain unless the source carries keys,
 * the SDK's standard retry strategy (exponential backoff with jitter on throttling and 5xx),
 * and for S3-compatible endpoints path-style addressing and checksums only when required
 * (s3rver and others store aws-chunked trailers verbatim otherwise).
 */
export function createS3Client(source: S3Source): S3Client {
  // A custom endpoint's every connection goes through the endpoint rule (issue 11: SSRF).
  const agent = { maxSockets: S3_MAX_SOCKETS, ...(source.endpoint ? { lookup: s3EndpointLookup } : {}) };
  return new S3Client({
    region: source.region ?? "us-east-1",
    // A bucket in another region answers with a redirect; follow it instead of failing.
    followRegionRedirects: true,
    ...(source.endpoint ? { endpoint: allowedS3Endpoint(source.endpoint), forcePathStyle: true } : {}),
    ...(source.credentials ? { credentials: source.credentials } : {}),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 6,
    retryMode: "standard",
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000, httpAgent: agent, httpsAgent: agent },
  });
}
