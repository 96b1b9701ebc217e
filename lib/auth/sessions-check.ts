import { getDb, type Db } from "@/lib/db";
import { roleFromDb, type ConsoleRoleName } from "./users-types";

/**
 * The console user behind a session id, read from the database on every request: null when the
 * sign-in was ended (sign-out, demotion, password change), has expired, or its user was deleted.
 * The role is the user's current one, never what the cookie remembers.
 */
export async function checkConsoleSession(options: {
  sessionId: string;
  db?: Db;
  now?: Date;
}): Promise<{ userId: string; username: string; role: ConsoleRoleName } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(options.sessionId)) return null;
  const db = options.db ?? (await getDb());
  const row = await db.consoleSession.findUnique({ where: { id: options.sessionId }, include: { user: true } });
  if (!row || row.revokedAt || row.expiresAt <= (options.now ?? new Date())) return null;
  return { userId: row.user.id, username: row.user.username, role: roleFromDb(row.user.role) };
}
