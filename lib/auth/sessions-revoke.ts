import { getDb, type Db } from "@/lib/db";

/** Ends one sign-in (sign-out) or every sign-in of a user (demotion, password change): at once, on every server. */
export async function revokeConsoleSessions(
  options: ({ sessionId: string } | { userId: string }) & { db?: Db; now?: Date },
): Promise<number> {
  const db = options.db ?? (await getDb());
  const where = "sessionId" in options ? { id: options.sessionId } : { userId: options.userId };
  const { count } = await db.consoleSession.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: options.now ?? new Date() },
  });
  return count;
}
