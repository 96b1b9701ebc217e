import type { ReadSummary } from "@/lib/core/read-summary";
import type { ScanStats } from "@/lib/core/types";

export type GenerationStatus = "IN_PROGRESS" | "SUCCEEDED" | "FAILED" | "CANCELED";

/** A generation job as the console shows it (JSON-safe: built on the server, polled by the browser). */
export interface GenerationView {
  jobId: string;
  principalArn: string;
  status: GenerationStatus;
  startedOn: string;
  completedOn: string | null;
  jobError: { code: string; message: string } | null;
  progress: ScanStats | null;
  window: { start: string; end: string } | null;
  trails: { cloudTrailArn: string; regions?: string[]; allRegions?: boolean }[];
  requestedBy: string | null;
  /** succeeded jobs: what was read and whether the principal had any event */
  readSummary?: ReadSummary;
}

export const TERMINAL: GenerationStatus[] = ["SUCCEEDED", "FAILED", "CANCELED"];

export function isTerminal(status: GenerationStatus): boolean {
  return TERMINAL.includes(status);
}

/** Results are kept as long as the API keeps them (7 days by default). */
export function expiresOn(view: Pick<GenerationView, "completedOn" | "startedOn">, retentionDays: number): string {
  const base = new Date(view.completedOn ?? view.startedOn).getTime();
  return new Date(base + retentionDays * 86_400_000).toISOString();
}

/** Progress as a percentage, from the files read against the files listed; null while listing. */
export function progressPercent(stats: ScanStats | null): number | null {
  if (!stats || stats.filesTotal <= 0) return null;
  return Math.min(100, Math.round(((stats.filesRead + stats.filesSkipped) / stats.filesTotal) * 100));
}

/** What the user can do about a failed generation, by the Access Analyzer error code. */
export function failureAdvice(code: string): string {
  switch (code) {
    case "RESOURCE_NOT_FOUND_ERROR":
      return "The trail, its bucket or its log directory could not be found. For a trail of the account, check in CloudTrail that it exists in its home region and delivers to an S3 bucket; for a trail registered in Leastwise, check its location on the Trails page (bucket name, prefix, endpoint or directory). Then generate again.";
    case "AUTHORIZATION_ERROR":
      return "Leastwise was refused access to the trail or its logs (the message names the call). Check that the service role trusts Leastwise, may call cloudtrail:GetTrail and read the trail's bucket (s3:GetObject, s3:ListBucket, kms:Decrypt for encrypted logs) and, for a bucket in another account, the bucket policy; then generate again.";
    case "SERVICE_QUOTA_EXCEEDED_ERROR":
      return "A quota was exceeded (see the message). Choose a shorter date range or fewer regions, or wait for running generations to finish.";
    default:
      return "The generation stopped because of an internal error. Generate again; if it keeps failing, the server log has the details.";
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${units[i]}`;
}
