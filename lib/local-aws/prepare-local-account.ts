// Called once at server start (and by `npm run worker` / the CLI before they use the local
// account): in local mode, creates the local account and, unless LEASTWISE_SEED_DEMO=0, seeds the
// demo on a fresh machine. Does nothing against a real AWS account.
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { ensureLocalAccount } from "./ensure-local-account";
import { seedDemoAccount, type SeedDemoResult } from "./seed";

export async function prepareLocalAccount(): Promise<{ accountId: string; demo?: SeedDemoResult } | undefined> {
  const e = env();
  if (e.LEASTWISE_ACCOUNT_MODE !== "local") return undefined;
  if (e.LEASTWISE_SEED_DEMO === "0") return { accountId: await ensureLocalAccount(await getDb()) };
  const demo = await seedDemoAccount();
  if (demo.seeded) {
    console.log(
      `[local-aws] seeded the demo local account ${demo.accountId}: roles app-backend, ci-deployer, analytics/data-pipeline, user alice; trail ${demo.trailArn} (logs in ${demo.logDir})`,
    );
  }
  return { accountId: demo.accountId, demo };
}
