import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Deletes a console user; never the one doing it, never the last administrator. */
export async function deleteConsoleUser(options: { id: string; actingUsername: string; db?: Db }): Promise<void> {
  const db = options.db ?? (await getDb());
  const user = await db.consoleUser.findUnique({ where: { id: options.id } });
  if (!user) throw new AppError("NOT_FOUND", "This console user no longer exists.");
  if (user.username === options.actingUsername) throw new AppError("CONFLICT", "You cannot delete the account you are signed in with.");
  if (user.role === "ADMIN" && (await db.consoleUser.count({ where: { role: "ADMIN" } })) <= 1) {
    throw new AppError("CONFLICT", "This is the last administrator. Make another user an administrator first.");
  }
  await db.consoleUser.delete({ where: { id: user.id } });
}
