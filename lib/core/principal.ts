import type { CloudTrailRecord, Principal } from "./types";

/**
 * Whether a record is a call made with the principal's own credentials.
 *
 * - Role: `AssumedRole` whose session issuer is the role (every session, the path included).
 * - User: `IAMUser` whose ARN is the user's.
 * ARNs compare exactly, as IAM reports them; the scanner's fast path relies on that.
 *
 * `AWSService` identities (a service acting with its own or a service-linked role) never match.
 * Calls that carry `userIdentity.invokedBy` DO match: they are forward-access calls a service made
 * with the principal's credentials (S3 calling kms:Decrypt for an SSE-KMS object, CloudFormation
 * creating resources without a service role), and IAM authorizes them against the principal's
 * policies, so the policy needs them. The evidence records the invoking service (see usage.ts).
 */
export function recordMatchesPrincipal(record: CloudTrailRecord, principal: Principal): boolean {
  const identity = record?.userIdentity;
  if (!identity || typeof identity !== "object") return false;
  if (principal.kind === "role") {
    return identity.type === "AssumedRole" && identity.sessionContext?.sessionIssuer?.arn === principal.arn;
  }
  return identity.type === "IAMUser" && identity.arn === principal.arn;
}
