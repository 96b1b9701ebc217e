// The credentials of an assumed role (the trail's access role), refreshed before they expire: a
// long scan outlives the one-hour session. Used by every S3 client of a scan, worker threads
// included, so it depends on nothing but the SDK: it assumes the role again with the standard
// credential chain and endpoint settings of "aws" mode (AWS_ENDPOINT_URL_STS, ...).
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";

/** Refresh this long before expiry (the SDK itself treats credentials as expired 5 minutes early). */
export const REFRESH_BEFORE_MS = 10 * 60 * 1000;

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function assumedRoleCredentials(o: {
  initial: SessionCredentials;
  roleArn: string;
  sessionName: string;
  expiresAt: string;
  durationSeconds?: number;
  sts?: () => STSClient;
  now?: () => number;
}): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity = { ...o.initial, expiration: new Date(o.expiresAt) };
  let refreshing: Promise<AwsCredentialIdentity> | undefined;
  const now = o.now ?? Date.now;
  const client = o.sts ?? (() => new STSClient({ region: regionOr("us-east-1") }));
  return async () => {
    if (current.expiration && current.expiration.getTime() - now() > REFRESH_BEFORE_MS) return current;
    refreshing ??= client()
      .send(new AssumeRoleCommand({ RoleArn: o.roleArn, RoleSessionName: o.sessionName, DurationSeconds: o.durationSeconds ?? 3600 }))
      .then((out) => {
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error("STS AssumeRole returned no credentials");
        current = {
          accessKeyId: c.AccessKeyId,
          secretAccessKey: c.SecretAccessKey,
          sessionToken: c.SessionToken,
          expiration: c.Expiration,
        };
        return current;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };
}

function regionOr(fallback: string): () => Promise<string> {
  return async () => {
    try {
      return await new STSClient({}).config.region();
    } catch {
      return fallback;
    }
  };
}
