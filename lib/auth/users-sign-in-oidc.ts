import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { roleFromDb, type ConsoleRoleName } from "./users-types";

/**
 * Records an OIDC sign-in. New OIDC users are viewers unless listed in LEASTWISE_OIDC_ADMINS;
 * an administrator can change the role later on the Console users page.
 */
export async function signInOidcUser(options: {
  subject: string;
  username: string;
}): Promise<{ id: string; username: string; role: ConsoleRoleName }> {
  const db = await getDb();
  const admins = (env().LEASTWISE_OIDC_ADMINS ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const isListedAdmin = admins.includes(options.username.toLowerCase());
  const existing = await db.consoleUser.findUnique({ where: { oidcSubject: options.subject } });
  const user = existing
    ? await db.consoleUser.update({
        where: { id: existing.id },
        data: { lastSignInAt: new Date(), ...(isListedAdmin ? { role: "ADMIN" } : {}) },
      })
    : await db.consoleUser.create({
        data: {
          // A local account may already use the name: the SSO account then gets a marked one.
          username: (await db.consoleUser.findUnique({ where: { username: options.username } }))
            ? `${options.username} (sso)`
            : options.username,
          oidcSubject: options.subject,
          role: isListedAdmin ? "ADMIN" : "VIEWER",
          lastSignInAt: new Date(),
        },
      });
  return { id: user.id, username: user.username, role: roleFromDb(user.role) };
}
