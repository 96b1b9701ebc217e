import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "./sign-in-throttle";
import { MAX_PASSWORD_BYTES, passwordTooLongMessage } from "./users-types";
import { verifyUserCredentials } from "./users-verify-credentials";
import type { ConsoleRoleName } from "./users-types";

/**
 * A password sign-in as the sign-in form does it: refuses passwords bcrypt cannot hold, refuses
 * (THROTTLED) after too many failures for the user name or the client address, then checks the
 * password. Null when the user name or password is wrong (never says which).
 */
export async function signInWithPassword(options: {
  username: string;
  password: string;
  address: string | null;
  db?: Db;
  now?: Date;
}): Promise<{ id: string; username: string; role: ConsoleRoleName } | null> {
  if (Buffer.byteLength(options.password, "utf8") > MAX_PASSWORD_BYTES) {
    throw new AppError("VALIDATION", passwordTooLongMessage(), { field: "password" });
  }
  await assertSignInAllowed(options);
  const user = await verifyUserCredentials(options);
  if (!user) {
    await recordSignInFailure(options);
    return null;
  }
  await clearSignInFailures({ username: options.username, db: options.db });
  return user;
}
