import type { ScanWarning } from "@/lib/core/types";
import { catalogVersion } from "@/lib/catalog-update/catalog-version";
import { unscopedWriteFindings } from "@/lib/core/unscoped-writes";
import { isScanError } from "@/lib/engine/errors";
import { GENERATE_USAGE, UsageError, parseGenerateArgs, type GenerateArgs } from "./generate-args";
import { ProgressBar, statsLine } from "./output";

/** `leastwise generate`: exit 0 done, 1 failure, 2 usage error, 130 interrupted. */
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
  const [{ runScan }, { buildGeneratedPolicies }] = await Promise.all([import("@/lib/engine/run-scan"), import("@/lib/core/policy"), import("@/lib/core/usage"), ...sdk]);
  const bar = new ProgressBar();
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const warn = (w: ScanWarning) => {
    bar.clear();
    process.stderr.write(`warning: ${w.file}: ${w.message}\n`);
  };
  let result;
  const started = performance.now();
  try {
    result = await runScan({ request: args.request, s3InFlight: args.s3InFlight, signal: controller.signal, onProgress: (s) => bar.update(s), onWarning: warn });
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
  const { policies, isComplete } = buildGeneratedPolicies(result.usage, {
    includeResourcePlaceholders: args.includeResourcePlaceholders,
    includeServiceLevelTemplate: args.includeServiceLevelTemplate,
  });
  const { request } = args;
  // Write actions left on "*": never silent (docs/core.md, "Write actions on *").
  const problems = policies.flatMap((p, i) => unscopedWriteFindings(JSON.parse(p.policy)).map((f) => ({ policy: i, ...f })));
  if (args.json) {
    const out = {
      generatedPolicyResult: generatedPolicyResult(args, request.principalArn, isComplete, policies),
      usage: result.usage,
      // the IAM data this answer was computed with
      catalog: catalogVersion(),
      // write and permissions-management actions allowed on "*" (UNSCOPED_WRITE warnings)
      problems,
      stats: result.stats,
      warnings: result.warnings,
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
    if (policies.length === 0) process.stderr.write("no permission-requiring activity found for the principal in the window\n");
    for (const p of problems) process.stderr.write(`warning: ${p.message}\n`);
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
      cloudTrailProperties: { trailProperties: [trail], startTime: request.window.start.toISOString(), endTime: request.window.end.toISOString() },
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
  const [{ runScanPrincipals }, { buildGeneratedPolicies }] = await Promise.all([import("@/lib/engine/run-scan-principals"), import("@/lib/core/policy"), ...sdk]);
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
    result = await runScanPrincipals({ request: { ...scope, principals: args.principals! }, s3InFlight: args.s3InFlight, signal: controller.signal, onProgress: (s) => bar.update(s), onWarning: warn });
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
  const opts = { includeResourcePlaceholders: args.includeResourcePlaceholders, includeServiceLevelTemplate: args.includeServiceLevelTemplate };
  for (const usage of result.usages) {
    const { policies, isComplete } = buildGeneratedPolicies(usage, opts);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ generatedPolicyResult: generatedPolicyResult(args, usage.principalArn, isComplete, policies), usage })}\n`);
    } else {
      process.stdout.write(`# ${usage.principalArn}: ${usage.eventsMatched} events, ${Object.keys(usage.actions).length} actions${policies.length === 0 ? ", no permission-requiring activity" : ""}${isComplete ? "" : " (INCOMPLETE)"}\n`);
      for (const p of policies) process.stdout.write(`${JSON.stringify(JSON.parse(p.policy), null, 2)}\n`);
    }
  }
  process.stderr.write(`${statsLine(result.stats)}\n${result.usages.length} principal(s)\n`);
  // The scan's figures, one JSON line on stderr (stdout holds only the principals' results).
  if (args.json) process.stderr.write(`${JSON.stringify({ principals: result.usages.length, stats: result.stats, warnings: result.warnings.length, timing: { readMs: result.timing.readMs, scanMs } })}\n`);
  return 0;
}
