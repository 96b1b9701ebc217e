// What an API key may do. A key gets its scopes at creation; every API and local-account handler
// checks the one its operation needs right after the signature is verified (requireApiKeyScope).
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { API_KEY_SCOPES, API_KEY_SCOPE_LABELS, type ApiKeyScope } from "./api-key-scope-names";

export { API_KEY_SCOPES, API_KEY_SCOPE_LABELS, type ApiKeyScope };

/** Checks and de-duplicates scopes given at creation (console, CLI): at least one known scope. */
export function parseApiKeyScopes(values: readonly string[]): ApiKeyScope[] {
  const out = new Set<ApiKeyScope>();
  for (const raw of values.flatMap((v) => v.split(","))) {
    const value = raw.trim();
    if (!value) continue;
    if (!(API_KEY_SCOPES as readonly string[]).includes(value)) {
      throw new AppError("VALIDATION", `Unknown API key scope "${value.slice(0, 64)}". Use ${API_KEY_SCOPES.join(", ")}.`, {
        field: "scopes",
      });
    }
    out.add(value as ApiKeyScope);
  }
  if (!out.size)
    throw new AppError("VALIDATION", `Choose at least one scope for the key: ${API_KEY_SCOPES.join(", ")}.`, { field: "scopes" });
  return API_KEY_SCOPES.filter((s) => out.has(s));
}

/**
 * The scopes a stored key has. Keys created before scopes existed ("unscoped") get read only,
 * unless the administrator keeps their old all-powerful behaviour with LEASTWISE_LEGACY_API_KEYS=full.
 */
export function effectiveScopes(key: { scoped: boolean; scopes: readonly string[] }): ApiKeyScope[] {
  if (!key.scoped) return env().LEASTWISE_LEGACY_API_KEYS === "full" ? [...API_KEY_SCOPES] : ["generations:read"];
  return API_KEY_SCOPES.filter((s) => key.scopes.includes(s));
}

/** After the signature is verified: refuses (403 AccessDenied) a key without the scope. */
export async function requireApiKeyScope(options: {
  accessKeyId: string;
  scope: ApiKeyScope;
  operation: string;
  db?: PrismaClient;
}): Promise<void> {
  const db = options.db ?? (await getDb());
  const key = await db.apiKey.findUnique({
    where: { accessKeyId: options.accessKeyId },
    select: { scoped: true, scopes: true, revokedAt: true },
  });
  if (key && !key.revokedAt && effectiveScopes(key).includes(options.scope)) return;
  throw new AppError(
    "FORBIDDEN",
    `The API key ${options.accessKeyId} is not allowed to perform ${options.operation}: it needs the scope ${options.scope}. An administrator can create a key with that scope (console: API keys; CLI: keys create --scopes).`,
    { status: 403, details: { awsErrorType: "AccessDeniedException" } },
  );
}
