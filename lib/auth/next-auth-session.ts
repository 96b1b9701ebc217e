import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getAuthOptions } from "./next-auth-options";
import type { ConsoleRoleName } from "./users-types";

export interface ConsoleSession {
  username: string;
  role: ConsoleRoleName;
}

/** The signed-in console user, or null. Works in server components, server actions and route handlers. */
export async function getConsoleSession(): Promise<ConsoleSession | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.name) return null;
  return { username: session.user.name, role: session.user.role === "admin" ? "admin" : "viewer" };
}

/** For pages: sends a visitor without a session to the sign-in page, a viewer on an admin page to /forbidden. */
export async function requirePageSession(options: { admin?: boolean; returnTo?: string } = {}): Promise<ConsoleSession> {
  const session = await getConsoleSession();
  if (!session) redirect(`/signin${options.returnTo ? `?callbackUrl=${encodeURIComponent(options.returnTo)}` : ""}`);
  if (options.admin && session.role !== "admin") redirect("/forbidden");
  return session;
}

/** For server actions and route handlers: throws an AppError (401/403) instead of redirecting. */
export async function requireSession(options: { admin?: boolean; action?: string } = {}): Promise<ConsoleSession> {
  const session = await getConsoleSession();
  if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.", { status: 401 });
  if (options.admin && session.role !== "admin") {
    throw new AppError(
      "FORBIDDEN",
      `Only administrators can ${options.action ?? "do this"}. Ask an administrator, or sign in with an administrator account.`,
      { status: 403 },
    );
  }
  return session;
}
