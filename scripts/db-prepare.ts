// Run by `npm start` before the web server: applies migrations and, in local-account mode, seeds
// the demo account (lib/local-aws), then releases the database so the server can own it.
import "../lib/catalog-cache/install"; // first: the IAM catalog loads from its snapshot file
import { closeDb, getDb } from "../lib/db";

export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  await getDb(); // opens and migrates
  try {
    try {
      const { prepareLocalAccount } = await import("../lib/local-aws/prepare-local-account");
      await prepareLocalAccount();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") log("[start] no local account module; skipping the demo seed");
      else throw error;
    }
    // The console's first administrator: created (and a generated password printed once) at start.
    const { ensureFirstAdmin } = await import("../lib/auth/users-ensure-first-admin");
    await ensureFirstAdmin();
  } finally {
    await closeDb();
  }
}
