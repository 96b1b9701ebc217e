"use server";
import { z } from "zod";
import { createApiKey } from "@/lib/auth/api-keys";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { requireSession } from "@/lib/auth/next-auth-session";
import { runAction } from "@/lib/console/action-result";
import { AppError } from "@/lib/errors";

export async function createApiKeyAction(input: { name: string; scopes: string[] }) {
  return runAction(async () => {
    const session = await requireSession({ admin: true, action: "create API keys" });
    const parsed = z
      .string()
      .trim()
      .min(1, "Enter a name that says who or what uses the key.")
      .max(128, "Use at most 128 characters.")
      .safeParse(input.name);
    if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0].message, { field: "name" });
    const scopes = z.array(z.string().max(64)).max(10).parse(input.scopes);
    const key = await createApiKey({ name: parsed.data, scopes, createdBy: `user:${session.username}` });
    return { id: key.id, accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, scopes: key.scopes };
  });
}

export async function revokeApiKeyAction(input: { id: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "revoke API keys" });
    await revokeApiKey({ id: z.string().min(1).max(64).parse(input.id) });
    return { revoked: true };
  });
}
