// The IAM, CloudTrail and STS clients every Leastwise use case goes through. Against a real account
// ("aws" mode) they are plain SDK clients: the standard credential chain (environment, shared config
// and profiles, SSO, container and instance roles) and the standard endpoint settings
// (AWS_ENDPOINT_URL_IAM, ...). In "local" mode the same clients talk to Leastwise's built-in account,
// signed with Leastwise's internal credential.
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { env } from "@/lib/env";
import { inProcessRequestHandler } from "./in-process-handler";

export type AccountMode = "local" | "aws";

/** Where local-mode clients send requests when no LEASTWISE_LOCAL_AWS_URL is set (never resolved). */
export const IN_PROCESS_ORIGIN = "http://local-aws.leastwise.internal";
export const LOCAL_REGION = "us-east-1";

export function accountMode(): AccountMode {
  return env().LEASTWISE_ACCOUNT_MODE;
}

type ServicePath = "iam" | "cloudtrail" | "sts";

interface ClientOverrides {
  /** a different region for CloudTrail (trails are regional) */
  region?: string;
  /** explicit credentials, e.g. an assumed role's session; default: the mode's credential */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

function localConfig(service: ServicePath, overrides: ClientOverrides) {
  const base = env().LEASTWISE_LOCAL_AWS_URL;
  return {
    region: overrides.region ?? LOCAL_REGION,
    endpoint: `${base ? base.replace(/\/+$/, "") : IN_PROCESS_ORIGIN}/local-aws/${service}`,
    credentials:
      overrides.credentials ??
      (async () => {
        const { getInternalCredential } = await import("@/lib/local-aws/internal-credential");
        return getInternalCredential();
      }),
    maxAttempts: 1,
    ...(base
      ? {}
      : {
          requestHandler: inProcessRequestHandler(async () => {
            const { localAwsHandler } = await import("@/lib/local-aws/default-handler");
            return localAwsHandler();
          }),
        }),
  };
}

/** In aws mode the region comes from the standard chain (AWS_REGION, profile); IAM falls back to us-east-1. */
function awsConfig(overrides: ClientOverrides, fallbackRegion: boolean) {
  return {
    ...(overrides.region ? { region: overrides.region } : fallbackRegion ? { region: resolveRegionOr(LOCAL_REGION) } : {}),
    ...(overrides.credentials ? { credentials: overrides.credentials } : {}),
  };
}

function resolveRegionOr(fallback: string): () => Promise<string> {
  return async () => {
    try {
      return await new STSClient({}).config.region();
    } catch {
      return fallback;
    }
  };
}

export function iamClient(overrides: ClientOverrides = {}): IAMClient {
  return new IAMClient(accountMode() === "local" ? localConfig("iam", overrides) : awsConfig(overrides, true));
}

export function cloudTrailClient(overrides: ClientOverrides = {}): CloudTrailClient {
  return new CloudTrailClient(accountMode() === "local" ? localConfig("cloudtrail", overrides) : awsConfig(overrides, true));
}

export function stsClient(overrides: ClientOverrides = {}): STSClient {
  return new STSClient(accountMode() === "local" ? localConfig("sts", overrides) : awsConfig(overrides, true));
}
