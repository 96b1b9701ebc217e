// GetGeneratedPolicy: the job's state and, once it succeeded, the policies built from the stored
// usage with the caller's options (so both flags work on any stored result).
import { buildGeneratedPolicies } from "@/lib/core/policy";
import { buildReadSummary, type ReadSummary } from "@/lib/core/read-summary";
import type { GeneratedPolicy, ScanStats, ScanWarning, UsageSummary } from "@/lib/core/types";
import { findVisibleJob } from "./find-visible-job";
import { toJobDetails, trailProperties, type JobDetails } from "./job-details";
import { jobsContext, type JobsContext } from "./queue";
import { generationQuotas } from "./quotas";
import type { StoredScanStats } from "./run-generation-job";

export interface GeneratedPolicyResult {
  properties: {
    isComplete?: boolean;
    principalArn: string;
    cloudTrailProperties: {
      trailProperties: ReturnType<typeof trailProperties>;
      startTime: string;
      endTime: string;
    };
  };
  generatedPolicies?: GeneratedPolicy[];
}

export interface GetGeneratedPolicyOutput {
  jobDetails: JobDetails;
  generatedPolicyResult: GeneratedPolicyResult;
  /** Leastwise extras for the console (not on the wire): evidence, progress, warnings */
  usage?: UsageSummary;
  progress?: ScanStats;
  warnings?: ScanWarning[];
  /** what was read, and the marking of a result with no event of the principal (also on the wire, under `leastwise`) */
  readSummary?: ReadSummary;
  principalArn: string;
  accessRole: string | null;
}

export async function getGeneratedPolicy(options: {
  jobId: string;
  includeResourcePlaceholders?: boolean;
  includeServiceLevelTemplate?: boolean;
  ctx?: Pick<JobsContext, "db">;
}): Promise<GetGeneratedPolicyOutput> {
  const { db } = options.ctx ?? (await jobsContext());
  const key = `${options.jobId.toLowerCase()}|${!!options.includeResourcePlaceholders}|${!!options.includeServiceLevelTemplate}`;
  const hit = cache.get(key);
  const now = Date.now();
  if (hit && hit.db === db && now - hit.at < CACHE_TTL_MS && hit.startedOn >= now - generationQuotas().retentionDays * 86_400_000)
    return hit.output;
  const job = await findVisibleJob(db, options.jobId);
  const result = job.status === "SUCCEEDED" ? await db.generationResult.findUnique({ where: { jobId: job.id } }) : null;
  const properties: GeneratedPolicyResult["properties"] = {
    principalArn: job.principalArn,
    cloudTrailProperties: {
      trailProperties: trailProperties(job),
      startTime: job.startTime.toISOString(),
      endTime: job.endTime.toISOString(),
    },
  };
  const output: GetGeneratedPolicyOutput = {
    jobDetails: toJobDetails(job),
    generatedPolicyResult: { properties },
    principalArn: job.principalArn,
    accessRole: job.accessRole,
    ...(job.progress ? { progress: job.progress as unknown as ScanStats } : {}),
  };
  if (result) {
    const usage = result.usage as unknown as UsageSummary;
    const built = buildGeneratedPolicies(usage, {
      includeResourcePlaceholders: options.includeResourcePlaceholders ?? false,
      includeServiceLevelTemplate: options.includeServiceLevelTemplate ?? false,
    });
    const warnings = result.warnings as unknown as ScanWarning[];
    const stats = result.stats as unknown as StoredScanStats;
    const readSummary = buildReadSummary({ stats, warnings, usage, trails: stats.trails });
    // A policy built from no event of the principal is not a complete answer: isComplete is the
    // one member of AWS's wire format that can say so to the AWS CLI and SDKs.
    output.generatedPolicyResult = {
      properties: { isComplete: built.isComplete && !readSummary.noPrincipalEvents, ...properties },
      generatedPolicies: built.policies,
    };
    output.usage = usage;
    output.warnings = warnings;
    output.readSummary = readSummary;
    // A succeeded result never changes: keep the built answer briefly (polling clients and the
    // console ask for it again and again; building and fetching a large usage is the cost).
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, { output, at: now, startedOn: job.startedOn.getTime(), db });
  }
  return output;
}

const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 100;
const cache = new Map<string, { output: GetGeneratedPolicyOutput; at: number; startedOn: number; db: unknown }>();
