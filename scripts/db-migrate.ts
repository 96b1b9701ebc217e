// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or
// the embedded PGlite in LEASTWISE_DATA_DIR; served through the owner if a server is running).
import { env } from "../lib/env";
import { openDatabase } from "../lib/database/open-database";
import { applyMigrations } from "../lib/database/migrations";

async function main(): Promise<number> {
  const e = env();
  const handle = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: e.LEASTWISE_DATA_DIR });
  try {
    const applied = await applyMigrations({ pool: handle.pool, log: (line) => console.log(line) });
    console.log(applied.length ? `${applied.length} migration(s) applied to ${handle.describe}` : `${handle.describe} is up to date`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
