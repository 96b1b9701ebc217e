// "What was read": the figures of a generation a person needs to trust its result (files, bytes,
// events, the principal's events, skipped files and why, the trail layout read), and the marking
// of a result that holds no event of the principal, with its likely causes. One function for the
// CLI, the jobs (API) and the console, so all three say the same thing.
import type { ScanStats, ScanWarning, UsageSummary } from "./types";

export interface TrailRead {
  cloudTrailArn: string;
  /** "account": AWSLogs/<account>/...; "organization": AWSLogs/<o-id>/<account>/... */
  layout: "account" | "organization";
  orgId?: string;
  /** how the organization ID was known */
  orgIdFrom?: "registry" | "bucket" | "override" | "none";
  /** where the logs were read, e.g. s3://bucket/prefix or a directory */
  location: string;
}

export interface ReadSummary {
  filesListed: number;
  filesRead: number;
  filesSkipped: number;
  bytesCompressed: number;
  bytesUncompressed: number;
  eventsRead: number;
  eventsOfPrincipal: number;
  /** skipped files and other findings, by reason */
  skipped: {
    code: ScanWarning["code"];
    count: number;
    example: string;
    /** up to 5 distinct findings of this kind */ examples: string[];
  }[];
  trails: TrailRead[];
  /** true when no event of the principal was found: the policy is empty for that reason */
  noPrincipalEvents: boolean;
  /** true when the policy grants nothing (no event, or only refused calls and calls needing no permission) */
  emptyPolicy: boolean;
  /** plain sentences: why the result may be empty or partial */
  likelyCauses: string[];
}

export function buildReadSummary(o: {
  stats: ScanStats;
  warnings: ScanWarning[];
  usage?: UsageSummary;
  trails?: TrailRead[];
  regions?: string[] | "all";
}): ReadSummary {
  const { stats, warnings } = o;
  const byCode = new Map<ScanWarning["code"], { count: number; example: string; examples: string[] }>();
  for (const w of warnings) {
    const text = `${w.file}: ${w.message}`;
    const entry = byCode.get(w.code) ?? { count: 0, example: text, examples: [] };
    entry.count++;
    if (entry.examples.length < 5 && !entry.examples.includes(text)) entry.examples.push(text);
    byCode.set(w.code, entry);
  }
  const eventsOfPrincipal = o.usage?.eventsMatched ?? stats.eventsMatched;
  const actions = o.usage ? Object.keys(o.usage.actions).length + Object.keys(o.usage.serviceLevel).length : 0;
  const noPrincipalEvents = eventsOfPrincipal === 0;
  const emptyPolicy = actions === 0;
  const trails = o.trails ?? [];
  const causes: string[] = [];
  if (noPrincipalEvents) {
    if (stats.filesRead === 0) {
      causes.push(
        "No log file of the window was found: the trail, its bucket prefix, the regions or the dates may be wrong, or the trail did not log then.",
      );
    } else {
      causes.push(
        `${stats.eventsRead.toLocaleString("en-US")} events in ${stats.filesRead.toLocaleString("en-US")} files were read and none was made by the principal.`,
      );
      causes.push(
        "The principal may not have been used in the window, or it does not exist (or was deleted and re-created: CloudTrail names the old one).",
      );
    }
    causes.push("Its calls may be logged by another trail or in regions that were not read (choose all regions).");
    if (!trails.some((t) => t.layout === "organization" && t.orgId)) {
      causes.push(
        "If the trail is an organization trail, the logs are under AWSLogs/<o-...>/<account>/: give the organization ID (the CLI's --org-id, or register the trail with it).",
      );
    }
    causes.push("Calls that are data events (S3 object reads, Lambda invocations, ...) are only logged when the trail logs data events.");
  } else if (emptyPolicy) {
    causes.push(
      `The principal's ${eventsOfPrincipal.toLocaleString("en-US")} events were all refused calls or calls that need no permission, so no action is granted.`,
    );
  }
  if (stats.filesSkipped > 0)
    causes.push(`${stats.filesSkipped} files could not be read and were skipped; their events are missing from the policy.`);
  for (const t of trails) {
    if (t.layout === "organization" && t.orgIdFrom === "none")
      causes.push(
        `${t.cloudTrailArn} is an organization trail but no organization folder was found in its bucket; the account layout was read.`,
      );
  }
  return {
    filesListed: stats.filesListed,
    filesRead: stats.filesRead,
    filesSkipped: stats.filesSkipped,
    bytesCompressed: stats.bytesCompressed,
    bytesUncompressed: stats.bytesUncompressed,
    eventsRead: stats.eventsRead,
    eventsOfPrincipal,
    skipped: [...byCode.entries()].map(([code, v]) => ({ code, ...v })),
    trails,
    noPrincipalEvents,
    emptyPolicy,
    likelyCauses: causes,
  };
}

/** One line for logs and the CLI: "read 12 of 12 files (3.4 MB), 5,000 events, 0 of the principal". */
export function readSummaryLine(s: ReadSummary): string {
  const mb = (s.bytesUncompressed / 1024 / 1024).toFixed(1);
  return `read ${s.filesRead.toLocaleString("en-US")} files (${mb} MB uncompressed), ${s.eventsRead.toLocaleString("en-US")} events, ${s.eventsOfPrincipal.toLocaleString("en-US")} of the principal${s.filesSkipped ? `, ${s.filesSkipped} files skipped` : ""}`;
}
