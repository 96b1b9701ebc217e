// What kind of failure an AWS SDK error is, from its name, status and network code only. The
// upstream message is never used: it is AWS's (or an impostor endpoint's) text, and Leastwise's
// messages must say what failed in its own words (see describeAwsFailure).
export type AwsFailureKind =
  | "denied" // AccessDenied and friends: a permission or trust policy refuses
  | "not-found"
  | "credentials" // Leastwise's own credentials were refused, expired or missing
  | "throttled"
  | "server" // 5xx
  | "network" // unreachable, timed out, reset
  | "invalid" // a validation error of the request
  | "unknown";

interface SdkErrorLike {
  name?: string;
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: string;
}

const CREDENTIALS =
  /^(InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|InvalidSignature|ExpiredToken|TokenRefreshRequired|RequestExpired|IncompleteSignature|MissingAuthenticationToken|InvalidAccessKeyId|CredentialsProviderError|ProviderError)(Exception)?$/;
const DENIED =
  /^(AccessDenied|UnauthorizedOperation|NotAuthorized|InsufficientDependencyServiceAccessPermission|AccessDeniedException|Forbidden)(Exception)?$/;
const THROTTLED =
  /^(Throttling|ThrottlingException|TooManyRequests(Exception)?|RequestLimitExceeded|SlowDown|PriorRequestNotComplete|RequestThrottled(Exception)?)$/;
const NETWORK = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EPIPE|socket hang up|TimeoutError|RequestTimeout/;

/** The AWS error code, if it is one (a bare identifier); never free text. */
export function awsErrorName(error: unknown): string {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkErrorLike;
  const name = e.name ?? e.Code ?? "";
  return /^[A-Za-z][A-Za-z0-9.]{0,63}$/.test(name) && name !== "Error" ? name : "";
}

export function classifyAwsError(error: unknown): AwsFailureKind {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkErrorLike;
  const name = awsErrorName(error);
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (CREDENTIALS.test(name)) return "credentials";
  if (DENIED.test(name)) return "denied";
  if (THROTTLED.test(name) || status === 429) return "throttled";
  if (/NotFound|NoSuch/.test(name) || (status === 404 && name !== "")) return "not-found";
  if (/Validation|InvalidParameter|InvalidTrailName|ARNInvalid|MalformedPolicy/.test(name)) return "invalid";
  if (NETWORK.test(`${name} ${e.code ?? ""} ${error instanceof Error ? error.message.slice(0, 200) : ""}`)) return "network";
  if (status >= 500 || e.$fault === "server" || /InternalFailure|InternalError|ServiceUnavailable/.test(name)) return "server";
  if (status === 403) return "denied";
  return "unknown";
}

/** "(AccessDenied, HTTP 403)" or "" */
export function awsErrorTag(error: unknown): string {
  const name = awsErrorName(error);
  const status = (error as SdkErrorLike | undefined)?.$metadata?.httpStatusCode;
  const parts = [name, status ? `HTTP ${status}` : ""].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
