/**
 * The one error a scan throws. The jobs map the codes to Access Analyzer jobError codes
 * (RESOURCE_NOT_FOUND -> RESOURCE_NOT_FOUND_ERROR, ACCESS_DENIED -> AUTHORIZATION_ERROR,
 * SERVICE -> SERVICE_ERROR); ABORTED means the caller's AbortSignal fired.
 * INVALID_REQUEST is raised before any I/O (bad ARN, bad window, bad source).
 */
export type ScanErrorCode = "RESOURCE_NOT_FOUND" | "ACCESS_DENIED" | "ABORTED" | "SERVICE" | "INVALID_REQUEST";

export class ScanError extends Error {
  readonly code: ScanErrorCode;
  readonly field?: string;

  constructor(code: ScanErrorCode, message: string, opts?: { cause?: unknown; field?: string }) {
    super(message, opts?.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "ScanError";
    this.code = code;
    this.field = opts?.field;
  }
}

export function isScanError(e: unknown): e is ScanError {
  return e instanceof ScanError || (e instanceof Error && e.name === "ScanError" && "code" in e);
}
