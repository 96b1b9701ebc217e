import type { ScanWarning } from "@/lib/core/types";
import { ScanError } from "@/lib/engine/errors";
import type { LogFileRef, LogStore } from "./log-store";
import { accountTrailRoot, dayFolders, fileMayHoldWindow, isRegionName, normalizePrefix } from "./trail-layout";

export interface ListLogFilesOptions {
  store: LogStore;
  prefix?: string;
  orgId?: string;
  accounts: string[];
  /** explicit regions (us-east-1 is added) or "all" (the region folders present) */
  regions: string[] | "all";
  window: { start: Date; end: Date };
  signal?: AbortSignal;
  /** list requests in flight at once */
  concurrency?: number;
  onFile: (ref: LogFileRef) => void;
  /** a listed object that is not a log file of the layout (skipped, counted by the caller) */
  onSkippedFile: (w: ScanWarning) => void;
  /** a finding about the trail as a whole (nothing found, wrong folder) */
  onWarning: (w: ScanWarning) => void;
}

/** Lists only account x region x day prefixes of the window; returns the number of files found. */
export async function listLogFiles(o: ListLogFilesOptions): Promise<number> {
  await o.store.checkRoot(o.signal);
  const prefixes: string[] = [];
  for (const account of o.accounts) {
    const root = accountTrailRoot(o.prefix, o.orgId, account);
    for (const region of await regionsFor(o, root)) {
      for (const day of dayFolders(o.window.start, o.window.end)) prefixes.push(`${root}${region}/${day}`);
    }
  }
  let found = 0;
  await forEachLimited(prefixes, o.concurrency ?? 8, o.signal, async (prefix) => {
    for (const ref of await o.store.listFiles(prefix, o.signal)) {
      const name = ref.key.slice(prefix.length);
      if (ref.size < 0) {
        o.onSkippedFile({
          file: ref.key,
          code: "UNEXPECTED_LAYOUT",
          message: `unexpected folder inside a day folder; its contents are not read`,
        });
      } else if (name.includes("/")) {
        o.onSkippedFile({
          file: ref.key,
          code: "UNEXPECTED_LAYOUT",
          message: `unexpected nested object under a day folder (${name}); skipped`,
        });
      } else if (!name.endsWith(".json.gz")) {
        o.onSkippedFile({
          file: ref.key,
          code: "UNEXPECTED_LAYOUT",
          message: `not a CloudTrail log file name (expected *.json.gz); skipped`,
        });
      } else if (fileMayHoldWindow(name, o.window.start, o.window.end)) {
        found++;
        o.onFile(ref);
      }
    }
  });
  if (found === 0) await diagnoseEmpty(o);
  return found;
}

async function regionsFor(o: ListLogFilesOptions, root: string): Promise<string[]> {
  // Global services (IAM, STS, CloudFront, Route 53, ...) always log to us-east-1.
  const set = new Set<string>(["us-east-1"]);
  if (o.regions === "all") {
    for (const name of await o.store.listFolders(root, o.signal)) {
      if (isRegionName(name)) set.add(name);
      else
        o.onWarning({
          file: `${root}${name}/`,
          code: "UNEXPECTED_LAYOUT",
          message: `folder ${name} under ${root} is not a region; ignored`,
        });
    }
  } else {
    for (const r of o.regions) set.add(r);
  }
  return [...set].sort();
}

/** Explains an empty result: a wrong prefix or directory is the usual cause. */
async function diagnoseEmpty(o: ListLogFilesOptions): Promise<void> {
  const base = normalizePrefix(o.prefix);
  const top = await o.store.listFolders(base, o.signal);
  const where = `${o.store.label}${base}`;
  if (!top.includes("AWSLogs")) {
    const hint = top.length ? ` (found ${top.slice(0, 5).join(", ")}${top.length > 5 ? ", ..." : ""})` : "";
    o.onWarning({
      file: where,
      code: "UNEXPECTED_LAYOUT",
      message: `no AWSLogs/ folder under ${where}${hint}; point --logs at the folder that contains AWSLogs/ (and use the trail's prefix)`,
    });
    return;
  }
  const accounts = await o.store.listFolders(`${base}AWSLogs/`, o.signal);
  const missing = o.accounts.filter((a) => !accounts.includes(a) && !(o.orgId && accounts.includes(o.orgId)));
  if (missing.length) {
    const orgs = accounts.filter((a) => a.startsWith("o-"));
    const hint = orgs.length && !o.orgId ? `; this looks like an organization trail: pass the organization id (${orgs.join(", ")})` : "";
    o.onWarning({
      file: `${where}AWSLogs/`,
      code: "UNEXPECTED_LAYOUT",
      message: `no logs for account ${missing.join(", ")} under ${where}AWSLogs/${hint}`,
    });
    return;
  }
  o.onWarning({ file: where, code: "UNEXPECTED_LAYOUT", message: `no log files in the selected regions and days under ${where}` });
}

async function forEachLimited<T>(items: T[], limit: number, signal: AbortSignal | undefined, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      if (signal?.aborted) throw new ScanError("ABORTED", "the scan was canceled");
      await fn(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
}
