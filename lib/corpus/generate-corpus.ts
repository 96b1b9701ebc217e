import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { accountTrailRoot, logFileName } from "@/lib/logs/trail-layout";
import { actorFor, noiseActors, serviceActors, type Actor, type NamedPrincipal } from "./actors";
import { buildRecord, type BuildContext } from "./build-record";
import { PROFILES } from "./profiles";
import { Rng } from "./rng";
import { TEMPLATES, type EventTemplate } from "./templates";
import { trickyRecord } from "./tricky-records";

export interface GenerateCorpusOptions {
  outDir: string;
  days: number;
  seed: number;
  /** the corpus covers the `days` days before this instant (default: today 00:00 UTC) */
  endDate?: Date;
  /** accounts with a trail folder (default 111122223333 and 444455556666) */
  accounts?: string[];
  regions?: string[];
  /** the principals whose activity matters; default: a target role, a prefix-named role, a role with a path, a user */
  principals?: NamedPrincipal[];
  /** shorthand: adds this ARN as a "backend" principal */
  targetRoleArn?: string;
  /** approximate uncompressed size of all log files (default 8 MB) */
  sizeMb?: number;
  /** log files per account, region and day (default 24) */
  filesPerDay?: number;
  /** background principals per account (default 30) */
  noisePrincipals?: number;
  /**
   * Share of a principal's calls that are denied probes from its profile's `probes` (default 0: none,
   * and the random sequence of a corpus without them is unchanged).
   */
  deniedProbes?: number;
  /** records that trip naive readers (default true) */
  tricky?: boolean;
  /** pretty-printed files that force the full-parse path (default 0) */
  prettyFiles?: number;
  prefix?: string;
  orgId?: string;
  gzipLevel?: number;
}

export interface CorpusManifest {
  seed: number;
  start: string;
  end: string;
  files: number;
  digestFiles: number;
  events: number;
  bytesUncompressed: number;
  bytesCompressed: number;
  /** log records per account folder */
  eventsByAccount: Record<string, number>;
  /** events per principal ARN (its own calls, including denied ones) */
  eventsByPrincipal: Record<string, number>;
  principals: { arn: string; profile: string }[];
}

export const DEFAULT_ACCOUNTS = ["111122223333", "444455556666"];
export const DEFAULT_TARGET_ROLE = "arn:aws:iam::111122223333:role/TargetRole";
export const DEFAULT_PRINCIPALS: NamedPrincipal[] = [
  { arn: DEFAULT_TARGET_ROLE, profile: "backend", weight: 0.05 },
  { arn: "arn:aws:iam::111122223333:role/TargetRoleAdmin", profile: "admin", weight: 0.02 },
  { arn: "arn:aws:iam::111122223333:role/service-role/deploy/ci-deployer", profile: "ci-deployer", weight: 0.03 },
  { arn: "arn:aws:iam::111122223333:role/data-pipeline", profile: "data-pipeline", weight: 0.03 },
  { arn: "arn:aws:iam::111122223333:user/alice", profile: "admin", weight: 0.01 },
  { arn: "arn:aws:iam::444455556666:role/TargetRole", profile: "backend", weight: 0.05 },
  { arn: "arn:aws:iam::444455556666:user/auditor", profile: "readonly-auditor", weight: 0.02 },
];
const AVG_RECORD_BYTES = 1250;

/** Writes a realistic trail (real layout and names) deterministically for a seed. */
export async function generateCorpus(o: GenerateCorpusOptions): Promise<CorpusManifest> {
  const rng = new Rng(o.seed);
  const accounts = o.accounts ?? DEFAULT_ACCOUNTS;
  const regions = o.regions ?? ["us-east-1", "eu-west-1", "us-west-2"];
  const named = [...(o.principals ?? DEFAULT_PRINCIPALS)];
  if (o.targetRoleArn && !named.some((p) => p.arn === o.targetRoleArn)) named.push({ arn: o.targetRoleArn, profile: "backend" });
  const endDate = o.endDate ?? new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
  const start = new Date(endDate.getTime() - o.days * 86_400_000);
  const filesPerDay = o.filesPerDay ?? 24;
  const slotMs = 86_400_000 / filesPerDay;
  const totalFiles = o.days * accounts.length * regions.length * filesPerDay;
  const eventsPerFile = Math.max(1, Math.round(((o.sizeMb ?? 8) * 1024 * 1024) / AVG_RECORD_BYTES / totalFiles));
  const actorsByAccount = new Map<string, Actor[]>();
  const namedActors = named.map((p) => actorFor(p, rng));
  for (const account of accounts) {
    const own = namedActors.filter((a) => a.account === account);
    const noise = noiseActors(account, rng, o.noisePrincipals ?? 30);
    // Named principals keep their share; the background shares the rest.
    const namedShare = own.reduce((s, a) => s + a.weight, 0);
    const rest = Math.max(0.05, 1 - namedShare);
    for (const n of noise) n.weight = (rest * 0.9) / noise.length;
    const services = serviceActors(account, rng);
    for (const s of services) s.weight = (rest * 0.1) / services.length;
    actorsByAccount.set(account, [...own, ...noise, ...services]);
  }
  const manifest: CorpusManifest = {
    seed: o.seed,
    start: start.toISOString(),
    end: endDate.toISOString(),
    files: 0,
    digestFiles: 0,
    events: 0,
    bytesUncompressed: 0,
    bytesCompressed: 0,
    eventsByAccount: {},
    eventsByPrincipal: {},
    principals: named.map((p) => ({ arn: p.arn, profile: p.profile })),
  };
  const pretty = new Set<number>();
  for (let i = 0; i < (o.prettyFiles ?? 0); i++) pretty.add(Math.floor(rng.next() * totalFiles));
  const count = (arn: string) => (manifest.eventsByPrincipal[arn] = (manifest.eventsByPrincipal[arn] ?? 0) + 1);
  let fileIndex = 0;

  for (let d = 0; d < o.days; d++) {
    for (const account of accounts) {
      const actors = actorsByAccount.get(account)!;
      const serviceRoleArns = actors
        .filter((a) => a.kind === "role")
        .slice(0, 6)
        .map((a) => a.arn);
      const target = actors.find((a) => a.kind === "role") ?? actors[0];
      for (const region of regions) {
        const eligible = actors.filter((a) => !a.regions || a.regions.includes(region) || region === "us-east-1");
        for (let f = 0; f < filesPerDay; f++, fileIndex++) {
          const slotStart = start.getTime() + d * 86_400_000 + f * slotMs;
          const n = Math.max(1, Math.round(eventsPerFile * (0.6 + rng.next() * 0.8)));
          const times = Array.from({ length: n }, () => slotStart + Math.floor(rng.next() * slotMs)).sort((a, b) => a - b);
          const parts: string[] = [];
          for (const t of times) {
            const c: BuildContext = { rng, account, region, time: new Date(t), serviceRoleArns };
            if (o.tricky !== false && rng.chance(0.01)) {
              const other = rng.pick(actors.filter((a) => a !== target && a.kind !== "service"));
              // IAM is global: its tricky records (kinds 1 and 4) only appear in us-east-1 files.
              const kinds = region === "us-east-1" ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : [0, 2, 3, 5, 6, 7, 8];
              const tr = trickyRecord(rng.pick(kinds), target, other, c);
              if (tr.own) count(target.arn);
              parts.push(tr.json);
              continue;
            }
            const actor = rng.weighted(eligible, (a) => a.weight);
            if (actor.kind !== "service") count(actor.arn);
            const probes = o.deniedProbes ? PROFILES[actor.profile].probes : undefined;
            if (probes?.length && rng.chance(o.deniedProbes!)) {
              parts.push(JSON.stringify(buildRecord(actor, TEMPLATES[rng.pick(probes)], c, { denied: true })));
              continue;
            }
            const tpl = pickTemplate(actor, region, rng);
            parts.push(JSON.stringify(buildRecord(actor, tpl, c, { denied: rng.chance(PROFILES[actor.profile].errorRate) })));
          }
          // Named after the delivery minute, a few minutes after the slot's last event.
          const delivered = new Date(slotStart + slotMs + rng.int(1, 4) * 60_000);
          const text = pretty.has(fileIndex)
            ? JSON.stringify({ Records: parts.map((p) => JSON.parse(p)) }, null, 2)
            : `{"Records":[${parts.join(",")}]}`;
          await writeLog(o, account, region, delivered, rng.hex(16), text, manifest, o.gzipLevel);
          manifest.events += n;
          manifest.eventsByAccount[account] = (manifest.eventsByAccount[account] ?? 0) + n;
        }
        await writeDigest(o, account, region, new Date(start.getTime() + (d + 1) * 86_400_000), rng, manifest);
      }
    }
  }
  await writeFile(path.join(o.outDir, "corpus-manifest.json"), JSON.stringify(manifest, null, 2));
  return manifest;
}

function pickTemplate(actor: Actor, region: string, rng: Rng): EventTemplate {
  const profile = PROFILES[actor.profile];
  const options = profile.templates.filter(([k]) => !TEMPLATES[k].global || region === "us-east-1");
  return TEMPLATES[rng.weighted(options, ([, w]) => w)[0]];
}

function dayPath(d: Date): string {
  return `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${String(d.getUTCDate()).padStart(2, "0")}`;
}

async function writeLog(
  o: GenerateCorpusOptions,
  account: string,
  region: string,
  delivered: Date,
  unique: string,
  text: string,
  m: CorpusManifest,
  level = 6,
): Promise<void> {
  const dir = path.join(o.outDir, accountTrailRoot(o.prefix, o.orgId, account), region, dayPath(delivered));
  await mkdir(dir, { recursive: true });
  const raw = Buffer.from(text);
  const gz = gzipSync(raw, { level });
  await writeFile(path.join(dir, logFileName(account, region, delivered, unique)), gz);
  m.files++;
  m.bytesUncompressed += raw.length;
  m.bytesCompressed += gz.length;
}

/** CloudTrail-Digest files sit beside the logs; a reader must never take them for events. */
async function writeDigest(
  o: GenerateCorpusOptions,
  account: string,
  region: string,
  at: Date,
  rng: Rng,
  m: CorpusManifest,
): Promise<void> {
  const root = accountTrailRoot(o.prefix, o.orgId, account).replace(/CloudTrail\/$/, "CloudTrail-Digest/");
  const dir = path.join(o.outDir, root, region, dayPath(at));
  await mkdir(dir, { recursive: true });
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
  const digest = {
    awsAccountId: account,
    digestStartTime: new Date(at.getTime() - 3_600_000).toISOString(),
    digestEndTime: at.toISOString(),
    digestS3Bucket: "trail-bucket",
    digestSignatureAlgorithm: "SHA256withRSA",
    logFiles: [],
    previousDigestSignature: rng.hex(64),
  };
  await writeFile(
    path.join(dir, `${account}_CloudTrail-Digest_${region}_main-trail_${region}_${stamp}.json.gz`),
    gzipSync(Buffer.from(JSON.stringify(digest))),
  );
  m.digestFiles++;
}
