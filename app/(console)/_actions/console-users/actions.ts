"use server";
import { z } from "zod";
import { requireSession } from "@/lib/auth/next-auth-session";
import { createConsoleUser } from "@/lib/auth/users-create";
import { deleteConsoleUser } from "@/lib/auth/users-delete";
import { setConsoleUserRole } from "@/lib/auth/users-set-role";
import { runAction } from "@/lib/console/action-result";

const role = z.enum(["admin", "viewer"]);

export async function createConsoleUserAction(input: { username: string; role: string; password: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "manage console users" });
    const p = z.object({ username: z.string().max(128), role, password: z.string().max(1024) }).parse(input);
    return createConsoleUser({ username: p.username, role: p.role, password: p.password === "" ? undefined : p.password });
  });
}

export async function deleteConsoleUserAction(input: { id: string }) {
  return runAction(async () => {
    const session = await requireSession({ admin: true, action: "manage console users" });
    await deleteConsoleUser({ id: z.string().uuid().parse(input.id), actingUsername: session.username });
    return { deleted: true };
  });
}

export async function setConsoleUserRoleAction(input: { id: string; role: string }) {
  return runAction(async () => {
    await requireSession({ admin: true, action: "manage console users" });
    await setConsoleUserRole({ id: z.string().uuid().parse(input.id), role: role.parse(input.role) });
    return { updated: true };
  });
}
