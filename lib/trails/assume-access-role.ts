// Assumes the generation's access role (the service role) as Access Analyzer does. IAM refuses
// AssumeRole on a role created seconds ago (its trust policy has not propagated yet) with the same
// AccessDenied as a real refusal, so AccessDenied, throttling, 5xx and network failures are retried
// with bounded exponential backoff (LEASTWISE_ASSUME_ROLE_RETRY_S, default 30 s) before the job
// fails; the failure is then classified honestly.
import { AssumeRoleCommand, type STSClient } from "@aws-sdk/client-sts";
import { stsClient } from "@/lib/aws/clients";
import { env } from "@/lib/env";
import { JobFailure } from "@/lib/jobs/job-errors";
import { awsErrorTag, classifyAwsError } from "./classify-aws-error";

export const ACCESS_ROLE_SESSION_NAME = "leastwise-policy-generation";

export interface AssumedAccessRole {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** for the refreshing provider of the S3 clients */
  assumeRole: { roleArn: string; sessionName: string; expiresAt: string };
  attempts: number;
}

const RETRIED = new Set(["denied", "throttled", "server", "network"]);

export async function assumeAccessRole(o: {
  roleArn: string;
  sts?: STSClient;
  retryForMs?: number;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}): Promise<AssumedAccessRole> {
  const client = o.sts ?? stsClient();
  const budget = o.retryForMs ?? env().LEASTWISE_ASSUME_ROLE_RETRY_S * 1000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  let delay = 500;
  let slept = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await client.send(
        new AssumeRoleCommand({ RoleArn: o.roleArn, RoleSessionName: ACCESS_ROLE_SESSION_NAME, DurationSeconds: 3600 }),
      );
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) {
        throw new JobFailure(
          "SERVICE_ERROR",
          `STS AssumeRole of the access role ${o.roleArn} returned no credentials. Retry the generation.`,
        );
      }
      return {
        credentials: {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        },
        assumeRole: {
          roleArn: o.roleArn,
          sessionName: ACCESS_ROLE_SESSION_NAME,
          expiresAt: (c.Expiration ?? new Date(Date.now() + 3600_000)).toISOString(),
        },
        attempts: attempt,
      };
    } catch (error) {
      if (error instanceof JobFailure) throw error;
      const kind = classifyAwsError(error);
      const waited = Math.max(Date.now() - started, slept);
      if (RETRIED.has(kind) && waited + delay <= budget && !o.signal?.aborted) {
        await sleep(delay);
        slept += delay;
        delay = Math.min(delay * 2, 8000);
        continue;
      }
      throw assumeRoleFailure(o.roleArn, error, kind, attempt, Math.round(waited / 1000));
    }
  }
}

function assumeRoleFailure(
  roleArn: string,
  error: unknown,
  kind: ReturnType<typeof classifyAwsError>,
  attempts: number,
  seconds: number,
): JobFailure {
  const tag = awsErrorTag(error);
  const tried = attempts > 1 ? ` (tried ${attempts} times over ${seconds} s)` : "";
  switch (kind) {
    case "denied":
      return new JobFailure(
        "AUTHORIZATION_ERROR",
        `STS AssumeRole on the access role ${roleArn} was refused${tag}${tried}. Check that the role exists and that its trust policy allows sts:AssumeRole by access-analyzer.amazonaws.com and by the identity Leastwise runs as (a role created moments ago can take a few seconds to become assumable; start the generation again).`,
        { cause: error },
      );
    case "credentials":
      return new JobFailure(
        "SERVICE_ERROR",
        `STS AssumeRole on the access role ${roleArn} failed: the AWS credentials Leastwise itself runs with were refused or have expired${tag}. An administrator of this Leastwise server must renew them (for example aws sso login for its profile, or new access keys), then start the generation again.`,
        { cause: error },
      );
    case "invalid":
      return new JobFailure("AUTHORIZATION_ERROR", `STS AssumeRole rejected the access role ${roleArn}${tag}. Check the role ARN.`, {
        cause: error,
      });
    case "throttled":
      return new JobFailure(
        "SERVICE_ERROR",
        `STS AssumeRole on the access role ${roleArn} was throttled by AWS${tag}${tried}. Wait a minute and start the generation again.`,
        { cause: error },
      );
    case "network":
      return new JobFailure(
        "SERVICE_ERROR",
        `STS could not be reached to assume the access role ${roleArn}${tag}${tried}. Check the server's network and AWS_ENDPOINT_URL_STS.`,
        { cause: error },
      );
    default:
      return new JobFailure(
        "SERVICE_ERROR",
        `STS AssumeRole on the access role ${roleArn} failed${tag}${tried}. Retry the generation; if it fails again, check the server log.`,
        { cause: error },
      );
  }
}
