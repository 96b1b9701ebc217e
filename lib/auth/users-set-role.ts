import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { revokeConsoleSessions } from "./sessions-revoke";
import { roleToDb, type ConsoleRoleName } from "./users-types";

/**
 * Changes a user's role; the last administrator cannot be demoted. Takes effect on the user's next
 * request (the role is read from the database each time); a demotion also ends their sign-ins.
 */
export async function setConsoleUserRole(options: { id: string; role: ConsoleRoleName; db?: Db }): Promise<void> {
  const db = options.db ?? (await getDb());
  const user = await db.consoleUser.findUnique({ where: { id: options.id } });
  if (!user) throw new AppError("NOT_FOUND", "This console user no longer exists.");
  if (user.role === "ADMIN" && options.role !== "admin" && (await db.consoleUser.count({ where: { role: "ADMIN" } })) <= 1) {
    throw new AppError("CONFLICT", "This is the last administrator. Make another user an administrator first.");
  }
  await db.consoleUser.update({ where: { id: user.id }, data: { role: roleToDb(options.role) } });
  if (user.role === "ADMIN" && options.role !== "admin") await revokeConsoleSessions({ userId: user.id, db });
}
