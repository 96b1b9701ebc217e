import { buildReadSummary, readSummaryLine, type TrailRead } from "@/lib/core/read-summary";
import type { LogSource, ScanWarning } from "@/lib/core/types";
import { isScanError } from "@/lib/engine/errors";
import { GENERATE_USAGE, UsageError, parseGenerateArgs } from "./generate-args";
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
  // Loaded after the arguments are checked (usage errors should not wait), and before the scan: the
  // IAM catalog (~50 ms from its snapshot, ~1 s the first time) and the accumulator's modules load
  // while the scan's worker threads start on the other cores, not while runScan lists and reads.
  (await import("@/lib/engine/prestart-scan")).prestartScan({ request: args.request });
  const [{ runScan }, { buildGeneratedPolicies }] = await Promise.all([import("@/lib/engine/run-scan"), import("@/lib/core/policy"), import("@/lib/core/usage")]);
  const bar = new ProgressBar();
  const controller = new AbortController();
  const trails: TrailRead[] = [];
  if (!args.request.orgId && !args.request.accounts?.length) {
    // An organization trail keeps the account's logs under AWSLogs/o-.../<account>/: read that
    // layout when the account's own folder is absent (--org-id overrides).
    const account = args.request.principalArn.split(":")[4];
    try {
      const found = await (await import("@/lib/trails/detect-organization-id")).detectOrganizationId({ source: args.request.source, account });
      if (!found.accountFolder && found.orgId) {
        args.request.orgId = found.orgId;
        process.stderr.write(`note: organization trail layout: reading AWSLogs/${found.orgId}/${account}/ (pass --org-id to choose another)\n`);
        trails.push({ cloudTrailArn: args.trailArn, layout: "organization", orgId: found.orgId, orgIdFrom: "bucket", location: where(args.request.source) });
      }
    } catch {
      // unreadable here: the scan itself reports why, with the full message
    }
  } else if (args.request.orgId) {
    trails.push({ cloudTrailArn: args.trailArn, layout: "organization", orgId: args.request.orgId, orgIdFrom: "override", location: where(args.request.source) });
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
    result = await runScan({ request: args.request, signal: controller.signal, onProgress: (s) => bar.update(s), onWarning: warn });
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
  const summary = buildReadSummary({ stats: result.stats, warnings: result.warnings, usage: result.usage, trails });
  if (args.json) {
    const trail: { cloudTrailArn: string; regions?: string[]; allRegions?: boolean } = { cloudTrailArn: args.trailArn };
    if (request.regions === "all") trail.allRegions = true;
    else trail.regions = request.regions;
    const out = {
      generatedPolicyResult: {
        properties: {
          isComplete: isComplete && !summary.noPrincipalEvents,
          principalArn: request.principalArn,
          cloudTrailProperties: { trailProperties: [trail], startTime: request.window.start.toISOString(), endTime: request.window.end.toISOString() },
        },
        generatedPolicies: policies,
      },
      usage: result.usage,
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
