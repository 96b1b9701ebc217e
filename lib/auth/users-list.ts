import { getDb, type Db } from "@/lib/db";
import { roleFromDb, type ConsoleUserView } from "./users-types";

export async function listConsoleUsers(options: { db?: Db } = {}): Promise<ConsoleUserView[]> {
  const db = options.db ?? (await getDb());
  const users = await db.consoleUser.findMany({ orderBy: { username: "asc" } });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    role: roleFromDb(u.role),
    signInMethod: u.passwordHash ? "password" : "oidc",
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  }));
}
