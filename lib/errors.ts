// The one error model. Expected failures carry a stable code, a message a human can act on, and
// optionally the HTTP status and the offending field; anything else is a bug, logged and shown as a
// generic line.
export interface AppErrorOptions {
  status?: number;
  field?: string;
  cause?: unknown;
  /** extra machine-readable details (e.g. AWS error body fields) */
  details?: Record<string, unknown>;
}

const DEFAULT_STATUS: Record<string, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  QUOTA: 402,
  THROTTLED: 429,
  DATABASE_LOCKED: 503,
};

export class AppError extends Error {
  readonly code: string;
  readonly userMessage: string;
  readonly status: number;
  readonly field?: string;
  readonly details?: Record<string, unknown>;

  constructor(code: string, userMessage: string, options: AppErrorOptions = {}) {
    super(userMessage, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.status = options.status ?? DEFAULT_STATUS[code] ?? 500;
    this.field = options.field;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** A message as a sentence: ends with ".", "!" or "?" (so a following sentence never runs on). */
export function endSentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?]["')]?$/.test(t) ? t : `${t}.`;
}
