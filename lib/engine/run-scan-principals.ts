import { parsePrincipalArn } from "@/lib/core/arn";
import { isCoreError } from "@/lib/core/errors";
import type { ScanRequest, ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import { ScanError } from "./errors";
import { scanTrail, type RunScanOptions } from "./run-scan";
import type { PrincipalSelection } from "./scan-file-principals";
import { validateScanScope } from "./validate-scan-request";
import { isAccountId } from "@/lib/logs/trail-layout";

/** A scan of several principals at once: a list of role/user ARNs, or every role and user of the accounts read. */
export type ScanPrincipalsRequest = Omit<ScanRequest, "principalArn"> & { principals: string[] | "all" };

export interface RunScanPrincipalsOptions extends Omit<RunScanOptions, "request" | "fastPath"> {
  request: ScanPrincipalsRequest;
}

export interface ScanPrincipalsResult {
  /**
   * One usage per principal, sorted by ARN: with a list, exactly the listed ones (an empty usage for
   * a principal without activity); with "all", every role and user of the accounts with at least
   * one call in the window.
   */
  usages: UsageSummary[];
  stats: ScanStats;
  warnings: ScanWarning[];
  timing: { readMs: number; totalMs: number };
}

/** The most principals one list may name (a selection by account has no limit). */
export const MAX_LISTED_PRINCIPALS = 10_000;

/**
 * Reads a trail's logs once and returns the usage of every selected principal, each identical to
 * what runScan gives for that principal alone (tested: run-scan-principals.test.ts). The workers
 * parse every record and accumulate each principal's (see scan-file-principals.ts); memory grows
 * with the number of principals, each bounded by the evidence limits.
 */
export async function runScanPrincipals(o: RunScanPrincipalsOptions): Promise<ScanPrincipalsResult> {
  const { request } = o;
  validateScanScope(request);
  let select: PrincipalSelection;
  let accounts: string[];
  if (request.principals === "all") {
    if (!request.accounts || request.accounts.length === 0)
      throw new ScanError("INVALID_REQUEST", "every principal of which account? name the accounts to read", { field: "accounts" });
    for (const a of request.accounts)
      if (!isAccountId(a)) throw new ScanError("INVALID_REQUEST", `"${a}" is not a 12-digit AWS account id`, { field: "accounts" });
    accounts = [...new Set(request.accounts)];
    select = { accounts };
  } else {
    if (request.principals.length === 0) throw new ScanError("INVALID_REQUEST", "the principal list is empty", { field: "principals" });
    if (request.principals.length > MAX_LISTED_PRINCIPALS)
      throw new ScanError(
        "INVALID_REQUEST",
        `at most ${MAX_LISTED_PRINCIPALS} principals may be listed (or select every principal of the accounts)`,
        { field: "principals" },
      );
    const arns = [...new Set(request.principals)];
    const parsed = arns.map((arn) => {
      try {
        return parsePrincipalArn(arn);
      } catch (e) {
        if (isCoreError(e)) throw new ScanError("INVALID_REQUEST", `${arn}: ${e.message}`, { field: "principals", cause: e });
        throw e;
      }
    });
    // The canonical ARNs, as records name them and runScan compares them.
    select = { arns: parsed.map((p) => p.arn) };
    accounts = request.accounts ?? [...new Set(parsed.map((p) => p.accountId))];
  }
  const { principals: _, ...rest } = request;
  const out = await scanTrail({ ...o, request: { ...rest, principalArn: "" }, select, accounts });
  let usages = out.usages ?? [];
  if ("arns" in select) {
    const { emptyUsage } = await import("@/lib/core/usage");
    const by = new Map(usages.map((u) => [u.principalArn, u]));
    usages = [...select.arns].sort().map((arn) => by.get(arn) ?? emptyUsage(arn, request.window));
  } else {
    usages = usages.filter((u) => u.eventsMatched > 0);
  }
  return { usages, stats: out.stats, warnings: out.warnings, timing: out.timing };
}
