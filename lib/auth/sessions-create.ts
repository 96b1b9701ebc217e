import { getDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";

/** Records a new console sign-in; its id goes into the session cookie and is checked on every request. */
export async function createConsoleSession(options: { userId: string; db?: Db; now?: Date }): Promise<{ id: string; expiresAt: Date }> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + env().LEASTWISE_SESSION_HOURS * 3600_000);
  const row = await db.consoleSession.create({ data: { userId: options.userId, createdAt: now, expiresAt } });
  // Ended and expired sign-ins of this user are of no use any more.
  await db.consoleSession.deleteMany({ where: { userId: options.userId, OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] } });
  return { id: row.id, expiresAt };
}
