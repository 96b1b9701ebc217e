// Responses in the shape of AWS rest-json services: JSON bodies, a request id, and errors named by
// the x-amzn-ErrorType header with the error's members in the body.
import { randomUUID } from "node:crypto";
import { type AppError, isAppError } from "@/lib/errors";

export function awsJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "x-amzn-requestid": randomUUID() },
  });
}

export function awsError(type: string, status: number, body: Record<string, unknown>, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json",
      "x-amzn-errortype": type,
      "x-amzn-requestid": randomUUID(),
      ...extraHeaders,
    },
  });
}

/** Maps an error from a use case (or the verifier) to Access Analyzer's error shapes. */
export function toAwsErrorResponse(error: unknown): Response {
  if (!isAppError(error)) {
    console.error("[api] unexpected error:", error);
    return awsError(
      "InternalServerException",
      500,
      { message: "An internal error occurred. Retry the request; if it keeps failing, check the server log." },
      { "retry-after": "1" },
    );
  }
  const e: AppError = error;
  const d = e.details ?? {};
  const message = e.userMessage;
  switch (e.code) {
    case "VALIDATION":
      return awsError("ValidationException", 400, {
        message,
        reason: d.reason ?? "fieldValidationFailed",
        ...(d.fieldList ? { fieldList: d.fieldList } : e.field ? { fieldList: [{ name: e.field, message }] } : {}),
      });
    case "NOT_FOUND":
      return awsError("ResourceNotFoundException", 404, { message, resourceId: d.resourceId ?? "", resourceType: d.resourceType ?? "" });
    case "CONFLICT":
      return awsError("ConflictException", 409, { message, resourceId: d.resourceId ?? "", resourceType: d.resourceType ?? "" });
    case "QUOTA":
      return awsError("ServiceQuotaExceededException", 402, {
        message,
        resourceId: d.resourceId ?? "",
        resourceType: d.resourceType ?? "",
      });
    case "UNAUTHORIZED":
      return awsError(String(d.awsErrorType ?? "AccessDeniedException"), e.status === 401 ? 403 : e.status, { message });
    case "FORBIDDEN":
      return awsError("AccessDeniedException", 403, { message });
    case "PAYLOAD_TOO_LARGE":
      return awsError("RequestEntityTooLargeException", 413, { message });
    case "THROTTLED":
      return awsError("ThrottlingException", 429, { message }, { "retry-after": "1" });
    default:
      if (e.status < 500) return awsError("ValidationException", e.status, { message, reason: "other" });
      console.error("[api] server error:", e);
      return awsError("InternalServerException", 500, { message }, { "retry-after": "1" });
  }
}
