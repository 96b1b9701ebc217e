// Authentication failures in each protocol's own vocabulary. The signature check (shared with the
// Access Analyzer API) reports JSON-style codes; IAM and STS clients expect their Query codes.
import { isAppError } from "@/lib/errors";

const QUERY_CODE: Record<string, string> = {
  UnrecognizedClientException: "InvalidClientTokenId",
  InvalidClientTokenId: "InvalidClientTokenId",
  InvalidSignatureException: "SignatureDoesNotMatch",
  SignatureDoesNotMatch: "SignatureDoesNotMatch",
  IncompleteSignatureException: "IncompleteSignature",
  IncompleteSignature: "IncompleteSignature",
  MissingAuthenticationTokenException: "MissingAuthenticationToken",
  MissingAuthenticationToken: "MissingAuthenticationToken",
  RequestExpired: "RequestExpired",
  ExpiredTokenException: "ExpiredToken",
  AccessDeniedException: "AccessDenied",
  RequestEntityTooLargeException: "RequestEntityTooLarge",
};

const JSON_CODE: Record<string, string> = {
  InvalidClientTokenId: "UnrecognizedClientException",
  SignatureDoesNotMatch: "InvalidSignatureException",
  IncompleteSignature: "IncompleteSignatureException",
  MissingAuthenticationToken: "MissingAuthenticationTokenException",
  AccessDenied: "AccessDeniedException",
  RequestEntityTooLarge: "RequestEntityTooLargeException",
};

export interface AuthFailure {
  status: number;
  code: string;
  message: string;
}

/** Returns undefined for errors that are not authentication failures (bugs, database down). */
export function authFailure(error: unknown, protocol: "query" | "json"): AuthFailure | undefined {
  if (!isAppError(error) || error.status >= 500) return undefined;
  const awsCode = typeof error.details?.awsErrorType === "string" ? error.details.awsErrorType : error.code;
  const queryCode = QUERY_CODE[awsCode] ?? (error.status === 403 || error.status === 401 ? "AccessDenied" : "IncompleteSignature");
  const code = protocol === "query" ? queryCode : (JSON_CODE[queryCode] ?? awsCode);
  return { status: error.status === 401 ? 403 : error.status, code, message: error.userMessage };
}
