import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs session cookies. NEXTAUTH_SECRET wins; otherwise one is generated on first
 * start and kept in the data directory, so sessions survive restarts without any configuration.
 * Several web servers sharing one PostgreSQL must set the same NEXTAUTH_SECRET.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const configured = env().NEXTAUTH_SECRET;
  if (configured) return (cached = configured);
  const file = path.join(env().LEASTWISE_DATA_DIR, "nextauth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
    if (cached) return cached;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return (cached = readFileSync(file, "utf8").trim());
}
