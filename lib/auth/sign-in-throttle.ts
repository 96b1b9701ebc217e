// Failed console sign-ins are counted per user name and per client address in the database (so
// every web server shares the count). Over the limit, sign-in is refused before the password is
// even checked, so the right password does not get through either until the window has passed.
import { getDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

function keys(options: { username: string; address: string | null }) {
  const user = { key: `user:${options.username.trim().toLowerCase()}`, limit: env().LEASTWISE_SIGNIN_MAX_FAILURES_PER_USER };
  const addr = options.address ? { key: `addr:${options.address}`, limit: env().LEASTWISE_SIGNIN_MAX_FAILURES_PER_ADDRESS } : null;
  return addr ? [user, addr] : [user];
}

/** Throws THROTTLED (with when to try again) when the user name or the address had too many failures lately. */
export async function assertSignInAllowed(options: { username: string; address: string | null; db?: Db; now?: Date }): Promise<void> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  const windowMs = env().LEASTWISE_SIGNIN_THROTTLE_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  for (const { key, limit } of keys(options)) {
    const recent = await db.signInFailure.findMany({
      where: { key, at: { gt: since } },
      orderBy: { at: "desc" },
      take: limit,
      select: { at: true },
    });
    if (recent.length < limit) continue;
    // Free again when the oldest of the last `limit` failures leaves the window.
    const minutes = Math.max(1, Math.ceil((recent[limit - 1].at.getTime() + windowMs - now.getTime()) / 60_000));
    const who = key.startsWith("user:") ? "this user name" : "your address";
    throw new AppError("THROTTLED", `Too many failed sign-ins for ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

export async function recordSignInFailure(options: { username: string; address: string | null; db?: Db; now?: Date }): Promise<void> {
  const db = options.db ?? (await getDb());
  const now = options.now ?? new Date();
  await db.signInFailure.createMany({ data: keys(options).map(({ key }) => ({ key, at: now })) });
  // Keep the table small: failures older than the window no longer count.
  await db.signInFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - env().LEASTWISE_SIGNIN_THROTTLE_MINUTES * 60_000) } } });
}

/** A successful sign-in clears the user name's failures (not the address's). */
export async function clearSignInFailures(options: { username: string; db?: Db }): Promise<void> {
  const db = options.db ?? (await getDb());
  await db.signInFailure.deleteMany({ where: { key: `user:${options.username.trim().toLowerCase()}` } });
}
