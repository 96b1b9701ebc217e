// First start on a fresh machine: a demo local account with roles, a user, broad policies and a
// trail of 30 days of realistic activity in a local directory, so the whole wizard runs at once.
// Idempotent: once the account is marked seeded, calling again changes nothing.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { generateCorpus, type CorpusManifest } from "@/lib/corpus/generate-corpus";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ensureLocalAccount } from "./ensure-local-account";
import type { Db } from "./iam/context";
import { iamArn } from "./iam/ids";
import { DEMO_DAYS, DEMO_ENTITIES, DEMO_REGIONS, DEMO_SEED, DEMO_TRAIL_NAME, DEMO_TRAIL_REGION } from "./seed/demo-content";
import { localTrailsRoot } from "@/lib/trails/resolve-local-trail-path";
import { moveLegacyDemoTrail } from "./seed/move-legacy-demo-trail";
import { registerDemoTrail } from "./seed/register-demo-trail";
import { writeDemoEntities } from "./seed/write-demo-entities";

export interface SeedDemoOptions {
  db?: Db;
  /** default LEASTWISE_DATA_DIR */
  dataDir?: string;
  /** the demo trail ends here (default: now) */
  now?: Date;
}

export interface SeedDemoResult {
  accountId: string;
  /** false when the account was already seeded (nothing changed) */
  seeded: boolean;
  trailArn: string;
  logDir: string;
  principalArns: string[];
}

const SEED_LOCK = 4_711_002;

export async function seedDemoAccount(options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const db = options.db ?? (await getDb());
  const accountId = await ensureLocalAccount(db);
  const dataDir = path.resolve(options.dataDir ?? env().LEASTWISE_DATA_DIR);
  const logDir = path.join(localTrailsRoot({ dataDir }), "demo-trail");
  const trailArn = `arn:aws:cloudtrail:${DEMO_TRAIL_REGION}:${accountId}:trail/${DEMO_TRAIL_NAME}`;
  const principalArns = DEMO_ENTITIES.map((e) => iamArn("aws", accountId, e.kind, e.path, e.name));
  const result = { accountId, trailArn, logDir, principalArns };

  const account = await db.localAccount.findUniqueOrThrow({ where: { id: accountId } });
  if (account.seededAt) {
    await moveLegacyDemoTrail({ db, trailArn, dataDir, logDir });
    return { ...result, seeded: false };
  }

  const now = options.now ?? new Date();
  const manifest = await ensureDemoLogs({ logDir, accountId, now, principalArns });
  await registerDemoTrail({ db, trailArn, logDir });
  const activeArns = new Set(Object.keys(manifest?.eventsByPrincipal ?? {}));

  const seeded = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
      const fresh = await tx.localAccount.findUniqueOrThrow({ where: { id: accountId } });
      if (fresh.seededAt) return false;
      await writeDemoEntities(tx, { accountId, now, activeArns });
      await tx.localAccount.update({ where: { id: accountId }, data: { seededAt: now } });
      return true;
    },
    { timeout: 30_000 },
  );
  return { ...result, seeded };
}

/** Generates the trail into a private directory and moves it into place, so a crash or a second
 *  process never leaves a half-written trail behind. Returns undefined if the logs already exist. */
async function ensureDemoLogs(o: {
  logDir: string;
  accountId: string;
  now: Date;
  principalArns: string[];
}): Promise<CorpusManifest | undefined> {
  if (existsSync(path.join(o.logDir, "corpus-manifest.json"))) {
    const { readFile } = await import("node:fs/promises");
    return JSON.parse(await readFile(path.join(o.logDir, "corpus-manifest.json"), "utf8")) as CorpusManifest;
  }
  const tmp = `${o.logDir}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(path.dirname(o.logDir), { recursive: true });
  try {
    const endDate = new Date(Math.floor(o.now.getTime() / 3_600_000) * 3_600_000);
    const manifest = await generateCorpus({
      outDir: tmp,
      days: DEMO_DAYS,
      seed: DEMO_SEED,
      endDate,
      accounts: [o.accountId],
      regions: DEMO_REGIONS,
      principals: DEMO_ENTITIES.map((e, i) => ({ arn: o.principalArns[i], profile: e.profile, weight: e.weight, regions: DEMO_REGIONS })),
      sizeMb: 6,
      filesPerDay: 12,
      noisePrincipals: 6,
      tricky: false,
      // app-backend is refused a few calls it never makes otherwise: the console's denied attempts.
      deniedProbes: 0.005,
    });
    try {
      await rename(tmp, o.logDir);
    } catch (error) {
      if (!existsSync(path.join(o.logDir, "corpus-manifest.json"))) throw error;
      // another process finished first: keep its logs
    }
    return manifest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
