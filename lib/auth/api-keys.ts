// SigV4 access keys that Leastwise issues for its API. The secret is shown once, at creation, and
// stored encrypted (api-keys-crypto.ts); the verifier decrypts it to recompute signatures.
import { randomBytes, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { decryptSecret, encryptSecret } from "./api-keys-crypto";
import { effectiveScopes, parseApiKeyScopes, type ApiKeyScope } from "./api-key-scopes";

export interface ApiKeyInfo {
  id: string;
  accessKeyId: string;
  name: string;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** what the key may do now (for a key from before scopes: per LEASTWISE_LEGACY_API_KEYS) */
  scopes: ApiKeyScope[];
  /** false for a key created before scopes existed */
  scoped: boolean;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const NAME = /^[\p{L}\p{N} ._@+=,:/-]{1,64}$/u;

function newAccessKeyId(): string {
  // "LWAK" + 16 base32 characters: the 20-character shape of AWS key IDs, recognizably ours.
  const bytes = randomBytes(16);
  return "LWAK" + Array.from(bytes, (b) => BASE32[b & 31]).join("");
}

export async function createApiKey(options: {
  name: string;
  /** what the key may do; required: a key is never all-powerful by default */
  scopes: readonly string[];
  createdBy?: string;
  db?: PrismaClient;
}): Promise<{ id: string; accessKeyId: string; secretAccessKey: string; scopes: ApiKeyScope[] }> {
  const name = options.name?.trim() ?? "";
  if (!NAME.test(name)) {
    throw new AppError("VALIDATION", "The key name must be 1-64 letters, digits, spaces or ._@+=,:/- characters.", { field: "name" });
  }
  const scopes = parseApiKeyScopes(options.scopes ?? []);
  const db = options.db ?? (await getDb());
  const id = randomUUID();
  const accessKeyId = newAccessKeyId();
  const secretAccessKey = randomBytes(30).toString("base64").replace(/\+/g, "A").replace(/\//g, "B");
  await db.apiKey.create({
    data: {
      id,
      accessKeyId,
      name,
      createdBy: options.createdBy ?? null,
      secretEncrypted: encryptSecret(secretAccessKey),
      scoped: true,
      scopes,
    },
  });
  return { id, accessKeyId, secretAccessKey, scopes };
}

/** Revokes by id or access key ID. Revoking twice is fine; an unknown key is NOT_FOUND. */
export async function revokeApiKey(options: { id: string; db?: PrismaClient; now?: Date }): Promise<ApiKeyInfo> {
  const db = options.db ?? (await getDb());
  const isUuid = /^[0-9a-f-]{36}$/i.test(options.id);
  const key = await db.apiKey.findFirst({ where: isUuid ? { id: options.id } : { accessKeyId: options.id } });
  if (!key) throw new AppError("NOT_FOUND", `No API key ${options.id}.`, { field: "id" });
  if (key.revokedAt) return toInfo(key);
  return toInfo(await db.apiKey.update({ where: { id: key.id }, data: { revokedAt: options.now ?? new Date() } }));
}

export async function listApiKeys(options: { db?: PrismaClient } = {}): Promise<ApiKeyInfo[]> {
  const db = options.db ?? (await getDb());
  const keys = await db.apiKey.findMany({ orderBy: { createdAt: "desc" } });
  return keys.map(toInfo);
}

/** For the signature verifier: the key's secret if it exists and is active. */
export async function lookupActiveApiKey(options: {
  accessKeyId: string;
  db?: PrismaClient;
}): Promise<{ secretAccessKey: string; id: string } | null> {
  const db = options.db ?? (await getDb());
  const key = await db.apiKey.findUnique({ where: { accessKeyId: options.accessKeyId } });
  if (!key || key.revokedAt) return null;
  return { id: key.id, secretAccessKey: decryptSecret(key.secretEncrypted) };
}

/** Records use at most once a minute per key (a write per request would be waste). */
const lastTouched = new Map<string, number>();

export async function touchApiKey(options: { id: string; db?: PrismaClient; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  // Remembered in memory too, so a busy client costs no write per request.
  if (now.getTime() - (lastTouched.get(options.id) ?? 0) < 60_000) return;
  lastTouched.set(options.id, now.getTime());
  const db = options.db ?? (await getDb());
  await db.apiKey.updateMany({
    where: { id: options.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }] },
    data: { lastUsedAt: now },
  });
}

type StoredKey = Omit<ApiKeyInfo, "scopes"> & { scopes: string[]; secretEncrypted?: string };

function toInfo(k: StoredKey): ApiKeyInfo {
  return {
    id: k.id,
    accessKeyId: k.accessKeyId,
    name: k.name,
    createdBy: k.createdBy,
    createdAt: k.createdAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
    scopes: effectiveScopes(k),
    scoped: k.scoped,
  };
}
