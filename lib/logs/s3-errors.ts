import { ScanError } from "@/lib/engine/errors";

interface SdkErrorLike {
  name?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

/** Turns an SDK / network error into the scan's error model with a message that names `what`. */
export function s3ScanError(e: unknown, what: string): ScanError {
  if (e instanceof ScanError) return e;
  const err = (e ?? {}) as SdkErrorLike;
  // Only the error's code (a bare identifier) and status are used: S3's (or an impostor's) message
  // text is never copied into a user-visible message.
  const rawName = err.name ?? err.Code ?? "";
  const name =
    /^[A-Za-z][A-Za-z0-9.]{0,63}$/.test(rawName) && rawName !== "Unknown" && rawName !== "UnknownError" && rawName !== "Error"
      ? rawName
      : "";
  const status = err.$metadata?.httpStatusCode;
  if (name === "AbortError") return new ScanError("ABORTED", "the scan was canceled", { cause: e });
  if (name === "NoSuchBucket") return new ScanError("RESOURCE_NOT_FOUND", `${what}: the bucket does not exist`, { cause: e });
  if (name === "NoSuchKey" || (status === 404 && name !== ""))
    return new ScanError("RESOURCE_NOT_FOUND", `${what}: not found`, { cause: e });
  if (
    name === "AccessDenied" ||
    name === "Forbidden" ||
    status === 403 ||
    name === "InvalidAccessKeyId" ||
    name === "SignatureDoesNotMatch" ||
    name === "ExpiredToken"
  ) {
    return new ScanError(
      "ACCESS_DENIED",
      `${what}: access denied (${[name, status ? `HTTP ${status}` : ""].filter(Boolean).join(", ") || "no detail"})`,
      { cause: e },
    );
  }
  if (!name && status === 400) {
    // HEAD responses carry no body: S3 answers a bare 400 to expired or malformed credentials.
    return new ScanError(
      "ACCESS_DENIED",
      `${what}: refused (HTTP 400 without detail, which S3 answers to expired or malformed credentials)`,
      { cause: e },
    );
  }
  if (name === "CredentialsProviderError") {
    return new ScanError(
      "ACCESS_DENIED",
      `${what}: no AWS credentials found (set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)`,
      { cause: e },
    );
  }
  const network = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|socket hang up/.exec(
    `${(e as { code?: string })?.code ?? ""} ${err.message ?? ""}`,
  )?.[0];
  const detail = [name, status ? `HTTP ${status}` : "", network ? `network: ${network}` : ""].filter(Boolean).join(", ");
  return new ScanError("SERVICE", `${what} failed (${detail || "no detail"})`, { cause: e });
}

/** Worth retrying once more on our side (the SDK already retried the request itself). */
export function isTransientS3Error(e: unknown): boolean {
  const err = (e ?? {}) as SdkErrorLike & { code?: string };
  const status = err.$metadata?.httpStatusCode ?? 0;
  if (status >= 500 || status === 429) return true;
  const n = err.name ?? "";
  return (
    ["SlowDown", "RequestTimeout", "TimeoutError", "ECONNRESET", "EPIPE", "ETIMEDOUT"].includes(n) ||
    ["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNREFUSED"].includes(err.code ?? "")
  );
}
