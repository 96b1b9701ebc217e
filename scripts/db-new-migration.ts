// `npm run db:new-migration -- NAME`: compares what prisma/migrations produces with what
// prisma/schema/*.prisma describes and writes the difference as a new migration. Runs offline
// (Prisma's wasm schema engine on a throwaway in-memory PGlite). Take the shared lock:
//   flock /tmp/migration.lock npm run db:new-migration -- add_things
import { diffMigrationsToSchema, writeMigration } from "../lib/database/migrations";

async function main(args: string[]): Promise<number> {
  const name = args.find((a) => !a.startsWith("-"));
  if (!name || args.length !== 1) {
    console.error("usage: npm run db:new-migration -- NAME   (letters, digits, underscores)");
    return 2;
  }
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log("The schema matches the migrations: nothing to do.");
    return 0;
  }
  const dir = writeMigration({ name, sql });
  console.log(`Wrote prisma/migrations/${dir}/migration.sql:\n\n${sql}`);
  console.log("Regenerate the client with `bash scripts/prisma-generate.sh` and commit the folder.");
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:new-migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
