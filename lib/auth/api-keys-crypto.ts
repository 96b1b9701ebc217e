// Encryption at rest of API key secrets (AES-256-GCM, node:crypto). The key comes from
// LEASTWISE_SECRET_KEY (32 bytes, hex or base64) or, by default, from `<data dir>/secret.key`,
// created on first use with mode 0600. Several hosts sharing one PostgreSQL must share the key.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { env } from "@/lib/env";

let cachedKey: Buffer | undefined;

function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new Error("LEASTWISE_SECRET_KEY must be 32 bytes, as 64 hex digits or base64.");
  return key;
}

export function secretKey(): Buffer {
  if (cachedKey) return cachedKey;
  const fromEnv = env().LEASTWISE_SECRET_KEY;
  if (fromEnv) return (cachedKey = parseKey(fromEnv));
  const dir = resolve(env().LEASTWISE_DATA_DIR);
  const file = join(dir, "secret.key");
  try {
    cachedKey = parseKey(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process won the race
    }
    cachedKey = parseKey(readFileSync(file, "utf8"));
  }
  return cachedKey;
}

export function encryptSecret(plain: string, key = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64")).join(".");
}

export function decryptSecret(stored: string, key = secretKey()): string {
  const [iv, tag, data] = stored.split(".").map((p) => Buffer.from(p, "base64"));
  if (!iv || !tag || !data) throw new Error("stored secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
