import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generatePassword, hashPassword } from "./users-password";
import {
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  passwordTooLongMessage,
  roleToDb,
  USERNAME_PATTERN,
  type ConsoleRoleName,
} from "./users-types";

/** Creates a console user with a password; without one, generates it and returns it (shown once). */
export async function createConsoleUser(options: {
  username: string;
  role: ConsoleRoleName;
  password?: string;
  db?: Db;
}): Promise<{ id: string; username: string; password: string | null }> {
  const username = options.username.trim();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError("VALIDATION", "Use 1 to 128 letters, digits or . _ @ + - for the user name.", { field: "username" });
  }
  if (options.password !== undefined && options.password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      "VALIDATION",
      `Use at least ${MIN_PASSWORD_LENGTH} characters for the password, or leave it empty to generate one.`,
      {
        field: "password",
      },
    );
  }
  if (options.password !== undefined && Buffer.byteLength(options.password, "utf8") > MAX_PASSWORD_BYTES) {
    throw new AppError("VALIDATION", passwordTooLongMessage(), { field: "password" });
  }
  const password = options.password ?? generatePassword();
  const db = options.db ?? (await getDb());
  try {
    const user = await db.consoleUser.create({
      data: { username, role: roleToDb(options.role), passwordHash: await hashPassword(password) },
    });
    return { id: user.id, username: user.username, password: options.password === undefined ? password : null };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("CONFLICT", `A console user named "${username}" already exists. Choose another name.`, { field: "username" });
    }
    throw error;
  }
}
