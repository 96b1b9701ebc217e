import { getDb, type Db } from "@/lib/db";
import { ensureFirstAdmin } from "./users-ensure-first-admin";
import { checkPassword, dummyPasswordHash } from "./users-password";
import { roleFromDb, type ConsoleRoleName } from "./users-types";

/** Checks a user name and password; null when either is wrong (never says which). */
export async function verifyUserCredentials(options: {
  username: string;
  password: string;
  db?: Db;
}): Promise<{ id: string; username: string; role: ConsoleRoleName } | null> {
  await ensureFirstAdmin({ db: options.db });
  const db = options.db ?? (await getDb());
  const user = await db.consoleUser.findUnique({ where: { username: options.username.trim() } });
  if (!user?.passwordHash) {
    await checkPassword(options.password, await dummyPasswordHash());
    return null;
  }
  if (!(await checkPassword(options.password, user.passwordHash))) return null;
  await db.consoleUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, username: user.username, role: roleFromDb(user.role) };
}
