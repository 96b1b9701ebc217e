// How a generation ends when it fails: Access Analyzer's jobError codes, each with a message a
// person can act on. Scan errors from the engine and trail resolution errors map onto these.
import { isScanError } from "@/lib/engine/errors";

export type JobErrorCode = "AUTHORIZATION_ERROR" | "RESOURCE_NOT_FOUND_ERROR" | "SERVICE_QUOTA_EXCEEDED_ERROR" | "SERVICE_ERROR";

export class JobFailure extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "JobFailure";
  }
}

/** The jobError of a failure; `context` names what was being read (e.g. the trail ARN). */
export function toJobError(error: unknown, context: string): { code: JobErrorCode; message: string } {
  if (error instanceof JobFailure) return { code: error.code, message: error.message };
  if (isScanError(error)) {
    switch (error.code) {
      case "RESOURCE_NOT_FOUND":
        return {
          code: "RESOURCE_NOT_FOUND_ERROR",
          message: `${context}: ${error.message}. Check that the trail's bucket (or directory) and prefix exist and hold the trail's logs.`,
        };
      case "ACCESS_DENIED":
        return {
          code: "AUTHORIZATION_ERROR",
          message: `${context}: ${error.message}. Grant the access role s3:GetObject and s3:ListBucket on the trail's bucket (and kms:Decrypt if the logs are encrypted).`,
        };
      default:
        return { code: "SERVICE_ERROR", message: `${context}: ${error.message}` };
    }
  }
  // Never the error's own text: it may be an upstream body (S3, STS, CloudTrail or an endpoint
  // posing as one). The worker's log has the details.
  console.error(`[jobs] ${context}: unexpected error`, error);
  const name = error instanceof Error && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(error.name) && error.name !== "Error" ? ` (${error.name})` : "";
  return {
    code: "SERVICE_ERROR",
    message: `${context}: an unexpected error occurred${name}. Retry the generation; if it fails again, check the worker's log.`,
  };
}
