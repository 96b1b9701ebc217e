import { catalogVersion } from "@/lib/catalog-update/catalog-version";
import { unscopedWriteFindings } from "@/lib/core/unscoped-writes";
import { buildReadSummary, readSummaryLine, type TrailRead } from "@/lib/core/read-summary";
import type { LogSource, ScanWarning } from "@/lib/core/types";
import { isScanError } from "@/lib/engine/errors";
import { GENERATE_USAGE, UsageError, parseGenerateArgs, type GenerateArgs } from "./generate-args";
import { ProgressBar, statsLine } from "./output";

/** What to do, after the message that names the call and the resource. */
const CLI_ADVICE: Record<string, string> = {
  ACCESS_DENIED:
    "Let the credentials the CLI uses (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO) call s3:ListBucket on the bucket and s3:GetObject on its objects (and kms:Decrypt for encrypted logs), or renew them if they expired (aws sso login).",
  RESOURCE_NOT_FOUND: "Check --logs: the directory or bucket, and the prefix that holds AWSLogs/.",
  SERVICE: "Retry; check the network and --endpoint-url / AWS_ENDPOINT_URL_S3 if the store cannot be reached.",
};

function where(source: LogSource): string {
  return source.kind === "s3" ? `s3://${source.bucket}/${source.prefix ?? ""}` : source.dir;
}

/** `leastwise generate`: exit 0 done, 1 failure, 2 usage error, 3 no event of the principal in the logs read, 130 interrupted. */
export async function generateCommand(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseGenerateArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`leastwise generate: ${e.message}\n(run "leastwise generate --help" for usage)\n`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    process.stdout.write(`${GENERATE_USAGE}\n`);
    return 0;
  }
  if (args.principals) return generateMany(args);
  // Loaded after the arguments are checked (usage errors should not wait), and before the scan: the
  // IAM catalog (~50 ms from its snapshot, ~1 s the first time) and the accumulator's modules load
  // while the scan's worker threads start on the other cores, not while runScan lists and reads.
  (await import("@/lib/engine/prestart-scan")).prestartScan({ request: args.request, s3InFlight: args.s3InFlight });
  // An S3 trail: the SDK's modules too (~0.3-0.5 s under tsx), which the listing needs first.
  const sdk = args.request.source.kind === "s3" ? [import("@/lib/logs/s3-client"), import("@/lib/logs/s3-log-store")] : [];
  const [{ runScan }, { buildGeneratedPolicies }] = await Promise.all([
    import("@/lib/engine/run-scan"),
    import("@/lib/core/policy"),
    import("@/lib/core/usage"),
    ...sdk,
  ]);
  const bar = new ProgressBar();
  const controller = new AbortController();
  const trails: TrailRead[] = [];
  if (!args.request.orgId && !args.request.accounts?.length) {
    // An organization trail keeps the account's logs under AWSLogs/o-.../<account>/: read that
    // layout when the account's own folder is absent (--org-id overrides).
    const account = args.request.principalArn.split(":")[4];
    try {
      const found = await (
        await import("@/lib/trails/detect-organization-id")
      ).detectOrganizationId({ source: args.request.source, account });
      if (!found.accountFolder && found.orgId) {
        args.request.orgId = found.orgId;
        process.stderr.write(
          `note: organization trail layout: reading AWSLogs/${found.orgId}/${account}/ (pass --org-id to choose another)\n`,
        );
        trails.push({
          cloudTrailArn: args.trailArn,
          layout: "organization",
          orgId: found.orgId,
          orgIdFrom: "bucket",
          location: where(args.request.source),
        });
      }
    } catch {
      // unreadable here: the scan itself reports why, with the full message
    }
  } else if (args.request.orgId) {
    trails.push({
      cloudTrailArn: args.trailArn,
      layout: "organization",
      orgId: args.request.orgId,
      orgIdFrom: "override",
      location: where(args.request.source),
    });
  }
  if (trails.length === 0) trails.push({ cloudTrailArn: args.trailArn, layout: "account", location: where(args.request.source) });
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const warn = (w: ScanWarning) => {
    bar.clear();
    process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  };
  let result;
  const started = performance.now();
  try {
    result = await runScan({
      request: args.request,
      s3InFlight: args.s3InFlight,
      signal: controller.signal,
      onProgress: (s) => bar.update(s),
      onWarning: warn,
    });
  } catch (e) {
    bar.clear();
    if (isScanError(e)) {
      if (e.code === "ABORTED") {
        process.stderr.write("leastwise generate: interrupted\n");
        return 130;
      }
      process.stderr.write(`leastwise generate: ${e.message}\n${CLI_ADVICE[e.code] ? `  ${CLI_ADVICE[e.code]}\n` : ""}`);
      return e.code === "INVALID_REQUEST" ? 2 : 1;
    }
    throw e;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
  bar.clear();
  const scanMs = Math.round(performance.now() - started);
  const { policies, isComplete } = buildGeneratedPolicies(result.usage, {
    includeResourcePlaceholders: args.includeResourcePlaceholders,
    includeServiceLevelTemplate: args.includeServiceLevelTemplate,
  });
  const { request } = args;
  // Write actions left on "*": never silent (docs/core.md, "Write actions on *").
  const problems = policies.flatMap((p, i) => unscopedWriteFindings(JSON.parse(p.policy)).map((f) => ({ policy: i, ...f })));
  const summary = buildReadSummary({ stats: result.stats, warnings: result.warnings, usage: result.usage, trails });
  if (args.json) {
    const out = {
      generatedPolicyResult: generatedPolicyResult(args, request.principalArn, isComplete && !summary.noPrincipalEvents, policies),
      usage: result.usage,
      // the IAM data this answer was computed with
      catalog: catalogVersion(),
      // write and permissions-management actions allowed on "*" (UNSCOPED_WRITE warnings)
      problems,
      stats: result.stats,
      warnings: result.warnings,
      readSummary: summary,
      // wall-clock milliseconds: readMs listing and reading every file, scanMs until the usage was ready
      timing: { readMs: result.timing.readMs, scanMs },
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    policies.forEach((p, i) => {
      if (policies.length > 1) process.stderr.write(`policy ${i + 1} of ${policies.length}:\n`);
      process.stdout.write(`${JSON.stringify(JSON.parse(p.policy), null, 2)}\n`);
    });
    const u = result.usage;
    const n = (o: object) => Object.keys(o).length;
    process.stderr.write(
      `${statsLine(result.stats)}\n` +
        `${n(u.actions)} actions from ${u.eventsMatched} events; ${n(u.denied)} denied call types; ${n(u.passRole)} iam:PassRole suggestions; ` +
        `${n(u.serviceLevel)} services at service level; ${n(u.unmapped)} unmapped event types; policy ${isComplete ? "complete" : "INCOMPLETE"}\n`,
    );
    process.stderr.write(`${readSummaryLine(summary)}\n`);
    for (const p of problems) process.stderr.write(`warning: ${p.message}\n`);
  }
  if (summary.noPrincipalEvents || summary.emptyPolicy) {
    process.stderr.write(
      `${summary.noPrincipalEvents ? "NO EVENT OF THE PRINCIPAL was found in the logs read: the policy is empty because nothing was seen, not because the principal needs nothing." : "The policy grants nothing."}\n` +
        summary.likelyCauses.map((c) => `  - ${c}\n`).join(""),
    );
    return summary.noPrincipalEvents ? 3 : 0;
  }
  return 0;
}

/** The shape GetGeneratedPolicy returns under generatedPolicyResult. */
function generatedPolicyResult(args: GenerateArgs, principalArn: string, isComplete: boolean, policies: { policy: string }[]) {
  const { request } = args;
  const trail: { cloudTrailArn: string; regions?: string[]; allRegions?: boolean } = { cloudTrailArn: args.trailArn };
  if (request.regions === "all") trail.allRegions = true;
  else trail.regions = request.regions;
  return {
    properties: {
      isComplete,
      principalArn,
      cloudTrailProperties: {
        trailProperties: [trail],
        startTime: request.window.start.toISOString(),
        endTime: request.window.end.toISOString(),
      },
    },
    generatedPolicies: policies,
  };
}

/**
 * Several principals (--principal repeated, --all-principals): the logs are read once
 * (runScanPrincipals); one result per principal, with --json one JSON object per line
 * ({ generatedPolicyResult, usage }), then the scan's stats on stderr.
 */
async function generateMany(args: GenerateArgs): Promise<number> {
  const sdk = args.request.source.kind === "s3" ? [import("@/lib/logs/s3-client"), import("@/lib/logs/s3-log-store")] : [];
  const [{ runScanPrincipals }, { buildGeneratedPolicies }] = await Promise.all([
    import("@/lib/engine/run-scan-principals"),
    import("@/lib/core/policy"),
    ...sdk,
  ]);
  const bar = new ProgressBar();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const warn = (w: ScanWarning) => {
    bar.clear();
    process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  };
  const { principalArn: _, ...scope } = args.request;
  let result;
  const started = performance.now();
  try {
    result = await runScanPrincipals({
      request: { ...scope, principals: args.principals! },
      s3InFlight: args.s3InFlight,
      signal: controller.signal,
      onProgress: (s) => bar.update(s),
      onWarning: warn,
    });
  } catch (e) {
    bar.clear();
    if (isScanError(e)) {
      if (e.code === "ABORTED") {
        process.stderr.write("leastwise generate: interrupted\n");
        return 130;
      }
      process.stderr.write(`leastwise generate: ${e.message}\n`);
      return e.code === "INVALID_REQUEST" ? 2 : 1;
    }
    throw e;
  } finally {
    process.removeListener("SIGINT", onSigint);
  }
  bar.clear();
  const scanMs = Math.round(performance.now() - started);
  const opts = {
    includeResourcePlaceholders: args.includeResourcePlaceholders,
    includeServiceLevelTemplate: args.includeServiceLevelTemplate,
  };
  for (const usage of result.usages) {
    const { policies, isComplete } = buildGeneratedPolicies(usage, opts);
    // No event of the principal: an empty policy for that reason, never a complete one.
    const noPrincipalEvents = usage.eventsMatched === 0;
    const problems = policies.flatMap((p, i) => unscopedWriteFindings(JSON.parse(p.policy)).map((f) => ({ policy: i, ...f })));
    if (args.json) {
      const line = {
        generatedPolicyResult: generatedPolicyResult(args, usage.principalArn, isComplete && !noPrincipalEvents, policies),
        usage,
        problems,
        ...(noPrincipalEvents ? { noPrincipalEvents } : {}),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    } else {
      const what = noPrincipalEvents
        ? ", NO EVENT OF THE PRINCIPAL in the logs read"
        : policies.length === 0
          ? ", no permission-requiring activity"
          : "";
      process.stdout.write(
        `# ${usage.principalArn}: ${usage.eventsMatched} events, ${Object.keys(usage.actions).length} actions${what}${isComplete && !noPrincipalEvents ? "" : " (INCOMPLETE)"}\n`,
      );
      for (const p of problems) process.stdout.write(`# warning: ${p.message}\n`);
      for (const p of policies) process.stdout.write(`${JSON.stringify(JSON.parse(p.policy), null, 2)}\n`);
    }
  }
  process.stderr.write(`${statsLine(result.stats)}\n${result.usages.length} principal(s)\n`);
  // The scan's figures, one JSON line on stderr (stdout holds only the principals' results).
  if (args.json)
    process.stderr.write(
      `${JSON.stringify({ principals: result.usages.length, stats: result.stats, warnings: result.warnings.length, timing: { readMs: result.timing.readMs, scanMs } })}\n`,
    );
  return 0;
}
