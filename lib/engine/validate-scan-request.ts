import { parsePrincipalArn } from "@/lib/core/arn";
import { isCoreError } from "@/lib/core/errors";
import type { Principal, ScanRequest } from "@/lib/core/types";
import { validateWindow } from "@/lib/core/window";
import { isAccountId, isOrgId, isRegionName } from "@/lib/logs/trail-layout";
import { ScanError } from "./errors";

/** Every check that needs no I/O, so a bad request fails before any work with its reason. */
export function validateScanRequest(request: ScanRequest, now?: Date): Principal {
  let principal: Principal;
  try {
    principal = parsePrincipalArn(request.principalArn);
  } catch (e) {
    if (isCoreError(e)) throw new ScanError("INVALID_REQUEST", e.message, { field: e.field, cause: e });
    throw e;
  }
  validateScanScope(request, now);
  return principal;
}

/** The checks of validateScanRequest that do not concern the principal (window, accounts, regions, source). */
export function validateScanScope(request: Omit<ScanRequest, "principalArn">, now?: Date): void {
  try {
    validateWindow(request.window.start, request.window.end, { now });
  } catch (e) {
    if (isCoreError(e)) throw new ScanError("INVALID_REQUEST", e.message, { field: e.field, cause: e });
    throw e;
  }
  const bad = (field: string, message: string) => new ScanError("INVALID_REQUEST", message, { field });
  for (const a of request.accounts ?? []) if (!isAccountId(a)) throw bad("accounts", `"${a}" is not a 12-digit AWS account id`);
  if (request.accounts && request.accounts.length === 0) throw bad("accounts", "the account list is empty");
  if (request.regions !== "all") {
    for (const r of request.regions) if (!isRegionName(r)) throw bad("regions", `"${r}" is not an AWS region name (e.g. eu-west-1)`);
  }
  if (request.orgId !== undefined && !isOrgId(request.orgId))
    throw bad("orgId", `"${request.orgId}" is not an organization id (o-xxxxxxxxxx)`);
  const s = request.source;
  if (s.kind === "local" && !s.dir) throw bad("source", "the log directory is empty");
  if (s.kind === "s3" && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s.bucket))
    throw bad("source", `"${s.bucket}" is not a valid S3 bucket name`);
  if (s.kind === "s3" && s.endpoint !== undefined && !/^https?:\/\/[^/\s]+/.test(s.endpoint))
    throw bad("endpointUrl", `"${s.endpoint}" is not an http(s) URL`);
}
