// The CloudTrail object layout, as pure string work shared by every log store:
//   [prefix/]AWSLogs/[o-orgid/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/
//   ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_UNIQUE.json.gz

/**
 * CloudTrail names a file after the minute it was delivered, and a file only holds events from
 * before that minute (usually by less than 15 minutes). Files named more than this margin before the
 * window start cannot hold a record of the window; files named more than this margin after its end
 * are only read when their events were delivered late by more than the margin, which CloudTrail
 * does not do in practice (it delivers within about 5 minutes). See docs/engine.md.
 */
export const DELIVERY_MARGIN_MS = 60 * 60 * 1000;

const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_RE = /^\d{12}$/;
const ORG_RE = /^o-[a-z0-9]{10,32}$/;

export function isRegionName(s: string): boolean {
  return REGION_RE.test(s);
}
export function isAccountId(s: string): boolean {
  return ACCOUNT_RE.test(s);
}
export function isOrgId(s: string): boolean {
  return ORG_RE.test(s);
}

/** Normalizes a user prefix to "" or "a/b/" (no leading slash, one trailing slash). */
export function normalizePrefix(prefix: string | undefined): string {
  const p = (prefix ?? "").replace(/^\/+/, "").replace(/\/+$/, "");
  return p === "" ? "" : `${p}/`;
}

/** `[prefix/]AWSLogs/[org/]ACCOUNT/CloudTrail/` */
export function accountTrailRoot(prefix: string | undefined, orgId: string | undefined, account: string): string {
  return `${normalizePrefix(prefix)}AWSLogs/${orgId ? `${orgId}/` : ""}${account}/CloudTrail/`;
}

/** UTC day folders ("YYYY/MM/DD/") that can hold files for the window, oldest first. */
export function dayFolders(start: Date, end: Date): string[] {
  const first = Date.UTC(...ymd(new Date(start.getTime() - DELIVERY_MARGIN_MS)));
  const last = Date.UTC(...ymd(new Date(end.getTime() + DELIVERY_MARGIN_MS)));
  const out: string[] = [];
  for (let t = first; t <= last; t += 86_400_000) {
    const d = new Date(t);
    out.push(`${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/`);
  }
  return out;
}

function ymd(d: Date): [number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}
function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export interface LogFileName {
  account: string;
  region: string;
  /** delivery minute from the name */
  time: Date;
}

const NAME_RE = /^(\d{12})_CloudTrail_([a-z0-9-]+)_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z_[A-Za-z0-9]+\.json\.gz$/;

export function parseLogFileName(name: string): LogFileName | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const t = Date.UTC(+m[3], +m[4] - 1, +m[5], +m[6], +m[7]);
  if (Number.isNaN(t)) return null;
  return { account: m[1], region: m[2], time: new Date(t) };
}

export function logFileName(account: string, region: string, time: Date, unique: string): string {
  const s = `${time.getUTCFullYear()}${pad(time.getUTCMonth() + 1)}${pad(time.getUTCDate())}T${pad(time.getUTCHours())}${pad(time.getUTCMinutes())}Z`;
  return `${account}_CloudTrail_${region}_${s}_${unique}.json.gz`;
}

/** Whether a file named `name` can hold records of the window (names we cannot parse: yes). */
export function fileMayHoldWindow(name: string, start: Date, end: Date): boolean {
  const parsed = parseLogFileName(name);
  if (!parsed) return true;
  const t = parsed.time.getTime();
  return t >= start.getTime() - DELIVERY_MARGIN_MS && t <= end.getTime() + DELIVERY_MARGIN_MS;
}
