import { getDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { revokeConsoleSessions } from "./sessions-revoke";
import { checkPassword, generatePassword, hashPassword } from "./users-password";

let ensured: Promise<void> | null = null;

/**
 * Makes sure someone can sign in. With LEASTWISE_ADMIN_USER and LEASTWISE_ADMIN_PASSWORD set, that
 * account exists as an administrator with that password (the environment is authoritative, so a
 * forgotten password is reset by changing it there). Without them, the first start creates "admin"
 * with a random password and prints it once to the server log.
 */
export function ensureFirstAdmin(options: { db?: Db } = {}): Promise<void> {
  // An injected database (tests) is never memoized: each call checks it.
  if (options.db) return run(options.db);
  ensured ??= run().catch((e) => {
    ensured = null;
    throw e;
  });
  return ensured;
}

async function run(injected?: Db): Promise<void> {
  const db = injected ?? (await getDb());
  const username = env().LEASTWISE_ADMIN_USER;
  const password = env().LEASTWISE_ADMIN_PASSWORD;
  if (username && password) {
    const existing = await db.consoleUser.findUnique({ where: { username } });
    if (!existing) {
      await createIgnoringRace(db, username, await hashPassword(password));
      return;
    }
    const same = existing.passwordHash ? await checkPassword(password, existing.passwordHash) : false;
    if (!same || existing.role !== "ADMIN") {
      await db.consoleUser.update({
        where: { id: existing.id },
        data: { role: "ADMIN", ...(same ? {} : { passwordHash: await hashPassword(password) }) },
      });
      // A changed password ends every sign-in made with the old one.
      if (!same) await revokeConsoleSessions({ userId: existing.id, db });
    }
    return;
  }
  if ((await db.consoleUser.count({ where: { role: "ADMIN" } })) > 0) return;
  const generated = generatePassword();
  if (await createIgnoringRace(db, "admin", await hashPassword(generated))) {
    console.log(
      [
        "",
        "================================================================",
        " Leastwise: created the first console administrator",
        "   user name: admin",
        `   password:  ${generated}`,
        " This password is shown only once. Sign in and keep it safe, or set",
        " LEASTWISE_ADMIN_USER and LEASTWISE_ADMIN_PASSWORD to choose your own.",
        "================================================================",
        "",
      ].join("\n"),
    );
  }
}

async function createIgnoringRace(db: Db, username: string, passwordHash: string): Promise<boolean> {
  try {
    await db.consoleUser.create({ data: { username, passwordHash, role: "ADMIN" } });
    return true;
  } catch (e) {
    // Another process created it at the same moment: one admin is all we need.
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}
