import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function checkPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A random password for generated accounts: 24 URL-safe characters (144 bits). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

let dummyHash: Promise<string> | undefined;
/** Compared against when the user does not exist, so timing does not reveal which names exist. */
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword(generatePassword()));
}
