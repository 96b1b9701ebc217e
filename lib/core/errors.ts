/**
 * The core's one error type. Callers map `code` to their own transport (AppError, AWS
 * ValidationException, CLI exit code); `field` names the offending input so a form or an API
 * fieldList can point at it.
 */
export type CoreErrorCode =
  "INVALID_ARN" | "INVALID_WINDOW" | "WINDOW_TOO_LONG" | "WINDOW_IN_FUTURE" | "INVALID_USAGE" | "INVALID_POLICY" | "UNKNOWN_PLACEHOLDER";

export class CoreError extends Error {
  readonly code: CoreErrorCode;
  readonly field?: string;

  constructor(code: CoreErrorCode, message: string, options: { field?: string } = {}) {
    super(message);
    this.name = "CoreError";
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
  }
}

export function isCoreError(value: unknown): value is CoreError {
  return value instanceof CoreError;
}
