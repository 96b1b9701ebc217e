// Turns whatever the IAM/STS/CloudTrail SDK throws into an AppError a person can act on: what went
// wrong in plain words, what to do next, and the form field it belongs to. Raw SDK messages are kept
// in `details` for the log, never as the whole story.
import { AppError } from "@/lib/errors";

export interface IamErrorContext {
  /** what Leastwise was doing, e.g. `create the policy "app-1"` */
  doing: string;
  /** the IAM permission the call needs, named in AccessDenied advice */
  permission?: string;
}

interface SdkError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

const FIELD_OF_PARAM: Record<string, string> = {
  policyName: "name",
  roleName: "name",
  userName: "name",
  path: "path",
  pathPrefix: "path",
  description: "description",
  policyDocument: "document",
};

function rawName(error: SdkError): string {
  return error.name ?? error.Code ?? error.code ?? "";
}

export function mapIamError(error: unknown, ctx: IamErrorContext): AppError {
  if (error instanceof AppError) return error;
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as SdkError;
  const fullName = rawName(e);
  const name = fullName.replace(/Exception$/, "");
  const raw = e.message ?? "";
  const details = { awsError: fullName, awsMessage: raw, httpStatus: e.$metadata?.httpStatusCode };
  const opts = (field?: string, status?: number) => ({ field, status, details, cause: error });

  switch (name) {
    case "NoSuchEntity":
      return new AppError(
        "NOT_FOUND",
        `Could not ${ctx.doing}: ${raw} It may have been deleted or renamed; refresh and try again.`,
        opts(),
      );
    case "EntityAlreadyExists":
      return new AppError("CONFLICT", `Could not ${ctx.doing}: ${raw} Choose another name.`, opts("name"));
    case "LimitExceeded":
      if (/PolicySize/i.test(raw)) {
        return new AppError(
          "VALIDATION",
          `Could not ${ctx.doing}: the policy is longer than IAM's 6,144-character limit for managed policies (white space not counted). Remove actions or let Leastwise split it into several policies.`,
          opts("document", 400),
        );
      }
      if (/PoliciesPer(Role|User)/i.test(raw)) {
        return new AppError(
          "CONFLICT",
          `Could not ${ctx.doing}: the ${/Role/.test(raw) ? "role" : "user"} already has the maximum number of managed policies attached (${raw.split(":").pop()?.trim()}). Detach a policy it no longer needs (for example the broad one this policy replaces), or create the policy without attaching it.`,
          opts("attach"),
        );
      }
      if (/versions/i.test(raw)) {
        return new AppError("CONFLICT", `Could not ${ctx.doing}: the policy already has 5 versions. Delete an old version first.`, opts());
      }
      return new AppError("CONFLICT", `Could not ${ctx.doing}: an IAM quota was reached. Check the account's IAM quotas.`, opts());
    case "MalformedPolicyDocument":
      return new AppError(
        "VALIDATION",
        `Could not ${ctx.doing}: IAM rejected the policy document: ${raw} Fix it in the editor and try again.`,
        opts("document", 400),
      );
    case "ValidationError": {
      const param = /at '([A-Za-z.0-9]+)'/.exec(raw)?.[1] ?? "";
      const field = FIELD_OF_PARAM[param] ?? (param.startsWith("tags") ? "tags" : undefined);
      return new AppError("VALIDATION", `Could not ${ctx.doing}: ${describeValidation(raw)}`, opts(field, 400));
    }
    case "InvalidInput":
      return new AppError("VALIDATION", `Could not ${ctx.doing}: ${raw}`, opts(/tag/i.test(raw) ? "tags" : undefined, 400));
    case "DeleteConflict":
      return new AppError("CONFLICT", `Could not ${ctx.doing}: ${raw}`, opts());
    case "UnmodifiableEntity":
      return new AppError("FORBIDDEN", `Could not ${ctx.doing}: ${raw}`, opts());
    case "AccessDenied":
    case "UnauthorizedOperation":
      return new AppError(
        "FORBIDDEN",
        `Could not ${ctx.doing}: the AWS identity Leastwise runs as is not allowed to call ${ctx.permission ?? "this action"}. Grant ${ctx.permission ?? "the permission"} to that identity (docs/local-aws.md lists what Leastwise needs for each mode).`,
        opts(),
      );
    case "InvalidClientTokenId":
    case "UnrecognizedClient":
    case "SignatureDoesNotMatch":
    case "InvalidSignature":
    case "ExpiredToken":
    case "RequestExpired":
    case "IncompleteSignature":
    case "MissingAuthenticationToken":
      // Not the visitor's console session (401 means that to the console): the server's own AWS
      // credentials, which only its administrator can renew.
      return new AppError(
        "AWS_CREDENTIALS",
        `Could not ${ctx.doing}: the AWS credentials this Leastwise server runs with were refused (${name}). An administrator of the server must renew them (aws sso login for its profile, new access keys) or check the server's clock; your console session is fine.`,
        opts(undefined, 502),
      );
    case "CredentialsProviderError":
      return new AppError(
        "AWS_CREDENTIALS",
        `Could not ${ctx.doing}: this Leastwise server has no AWS credentials. An administrator must configure them (environment, AWS_PROFILE, SSO or an instance role) or use the local account (LEASTWISE_ACCOUNT_MODE=local).`,
        opts(undefined, 502),
      );
    case "Throttling":
    case "TooManyRequests":
    case "RequestLimitExceeded":
      return new AppError("THROTTLED", `Could not ${ctx.doing}: AWS is throttling requests. Wait a moment and try again.`, opts());
  }
  if (
    /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|TimeoutError/i.test(`${name} ${raw} ${(e as { code?: string }).code ?? ""}`)
  ) {
    return new AppError(
      "SERVICE_UNAVAILABLE",
      `Could not ${ctx.doing}: the AWS endpoint could not be reached. Check the server's network and AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL_CLOUDTRAIL / AWS_ENDPOINT_URL_STS.`,
      opts(undefined, 503),
    );
  }
  // The raw message stays in details (the server log), never in the text a person sees.
  const code = /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(fullName) ? fullName : "an unexpected error";
  const status = e.$metadata?.httpStatusCode;
  return new AppError(
    "IAM_ERROR",
    `Could not ${ctx.doing}: AWS answered ${code}${status ? ` (HTTP ${status})` : ""}. Try again; if it persists, the server log has AWS's full answer.`,
    opts(undefined, 502),
  );
}

function describeValidation(raw: string): string {
  const value = /Value '([^']*)'/.exec(raw)?.[1];
  if (/regular expression pattern: \[\\w\+=,\.@-\]\+/.test(raw)) {
    return `"${value}" may contain only letters, digits and + = , . @ _ - (no spaces).`;
  }
  if (/\\u002F/.test(raw)) return `the path "${value}" must be "/" or start and end with "/", e.g. /team/.`;
  const max = /less than or equal to (\d+)/.exec(raw)?.[1];
  if (max) return `"${value}" is too long: at most ${max} characters.`;
  return raw;
}
