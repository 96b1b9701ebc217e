import { S3Client } from "@aws-sdk/client-s3";
import type { LogSource } from "@/lib/core/types";
import { allowedS3Endpoint, s3EndpointLookup } from "@/lib/trails/validate-s3-endpoint";
import { assumedRoleCredentials } from "@/lib/aws/assumed-role-credentials";
import { env } from "@/lib/env";

type S3Source = Extract<LogSource, { kind: "s3" }>;

/** Concurrent S3 requests per process (listing in the main thread, reads per worker). */
export const S3_MAX_SOCKETS = 16;

/**
 * An S3 client for a trail bucket: the standard credential chain unless the source carries keys
 * (an assumed role's session is refreshed before it expires), the SDK's standard retry strategy
 * (exponential backoff with jitter on throttling and 5xx), and for S3-compatible endpoints, given
 * with the source or through AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, path-style addressing (a
 * virtual-hosted request to `bucket.localhost` reaches nothing) and checksums only when required
 * (s3rver and others store aws-chunked trailers verbatim otherwise).
 */
export function createS3Client(source: S3Source): S3Client {
  // A custom endpoint's every connection goes through the endpoint rule (issue 11: SSRF).
  const agent = { maxSockets: S3_MAX_SOCKETS, ...(source.endpoint ? { lookup: s3EndpointLookup } : {}) };
  const configured = env().AWS_ENDPOINT_URL_S3 ?? env().AWS_ENDPOINT_URL;
  return new S3Client({
    region: source.region ?? "us-east-1",
    // A bucket in another region answers with a redirect; follow it instead of failing.
    followRegionRedirects: true,
    ...(source.endpoint
      ? { endpoint: allowedS3Endpoint(source.endpoint), forcePathStyle: true }
      : configured
        ? { forcePathStyle: true }
        : {}),
    ...(source.credentials
      ? {
          credentials: source.assumeRole
            ? assumedRoleCredentials({ initial: source.credentials, ...source.assumeRole })
            : source.credentials,
        }
      : {}),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 6,
    retryMode: "standard",
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 60_000, httpAgent: agent, httpsAgent: agent },
  });
}
