// The local account: one per Leastwise installation, created on first use. Its ID comes from
// LEASTWISE_LOCAL_ACCOUNT_ID or is drawn at random once and kept in the database, so ARNs stay stable
// across restarts. A transaction-scoped advisory lock keeps two processes from creating two.
import { randomInt } from "node:crypto";
import { env } from "@/lib/env";
import type { Db } from "./iam/context";

const cache = new WeakMap<object, Promise<string>>();
const LOCK_KEY = 4_711_001; // arbitrary, constant: "create the local account"

export function ensureLocalAccount(db: Db): Promise<string> {
  let pending = cache.get(db);
  if (!pending) {
    pending = create(db).catch((error) => {
      cache.delete(db);
      throw error;
    });
    cache.set(db, pending);
  }
  return pending;
}

async function create(db: Db): Promise<string> {
  const existing = await db.localAccount.findFirst({ orderBy: { createdAt: "asc" } });
  if (existing) return existing.id;
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    const again = await tx.localAccount.findFirst({ orderBy: { createdAt: "asc" } });
    if (again) return again.id;
    const id = env().LEASTWISE_LOCAL_ACCOUNT_ID ?? randomAccountId();
    await tx.localAccount.create({ data: { id, alias: "leastwise-local" } });
    return id;
  });
}

function randomAccountId(): string {
  // 12 digits, no leading zero, avoiding the documentation IDs (1111..., 1234...) by chance only
  return String(randomInt(1, 10)) + Array.from({ length: 11 }, () => randomInt(0, 10)).join("");
}
