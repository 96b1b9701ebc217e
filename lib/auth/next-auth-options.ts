import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { safeReturnPath } from "@/lib/console/safe-return-path";
import { getAuthSecret } from "./next-auth-secret";
import { oidcProvider } from "./next-auth-oidc";
import { checkConsoleSession } from "./sessions-check";
import { createConsoleSession } from "./sessions-create";
import { revokeConsoleSessions } from "./sessions-revoke";
import { signInWithPassword } from "./users-sign-in-password";
import { signInOidcUser } from "./users-sign-in-oidc";
import type { ConsoleRoleName } from "./users-types";

declare module "next-auth" {
  interface User {
    role?: ConsoleRoleName;
    /** the ConsoleUser row (for OIDC, `id` is the provider's subject) */
    userId?: string;
  }
  interface Session {
    user: { name: string; role: ConsoleRoleName };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: ConsoleRoleName;
    /** the ConsoleSession row this cookie stands for */
    sid?: string;
  }
}

/** Thrown from the jwt callback when the session row says the sign-in is over: next-auth then clears the cookie. */
const SESSION_ENDED = "Leastwise: this sign-in has ended";

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  // Next sets x-forwarded-for to the peer address when the client sent none; behind a proxy that
  // overwrites it (docs/security.md) it is the real client. The first entry is the original client.
  const value = headers?.["x-forwarded-for"];
  const first = (Array.isArray(value) ? value[0] : typeof value === "string" ? value : "").split(",")[0]?.trim();
  return first ? first.slice(0, 64) : null;
}

/** next-auth configuration: local users (bcrypt) and, when configured, one OIDC provider. */
export function getAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: env().LEASTWISE_SESSION_HOURS * 3600 },
    // Served over https (NEXTAUTH_URL https://..., behind a TLS proxy): Secure, __Secure- cookies.
    useSecureCookies: (env().NEXTAUTH_URL ?? "").startsWith("https://"),
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      error(code, metadata) {
        const message =
          (metadata as { message?: string } | undefined)?.message ??
          (metadata as { error?: { message?: string } } | undefined)?.error?.message;
        if (code === "JWT_SESSION_ERROR" && message === SESSION_ENDED) return; // an ended sign-in, not a fault
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Leastwise account",
        credentials: { username: { label: "User name", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.username || !credentials.password) return null;
          try {
            const user = await signInWithPassword({
              username: credentials.username,
              password: credentials.password,
              address: clientAddress(req?.headers as Record<string, unknown> | undefined),
            });
            return user ? { id: user.id, userId: user.id, name: user.username, role: user.role } : null;
          } catch (error) {
            // The message reaches the sign-in form (throttled, password too long).
            if (isAppError(error) && error.status < 500) throw new Error(error.userMessage, { cause: error });
            throw error;
          }
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const signedIn = await signInOidcUser({
          subject: account.providerAccountId,
          username:
            (profile as { email?: string; preferred_username?: string } | undefined)?.email ??
            (profile as { preferred_username?: string } | undefined)?.preferred_username ??
            user.name ??
            account.providerAccountId,
        });
        user.role = signedIn.role;
        user.name = signedIn.username;
        user.userId = signedIn.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          // A new sign-in: one ConsoleSession row, named in the cookie.
          if (!user.userId) throw new Error("sign-in without a console user");
          token.sid = (await createConsoleSession({ userId: user.userId })).id;
          token.role = user.role ?? "viewer";
          token.name = user.name;
          return token;
        }
        // Every request: the row decides (sign-out, demotion, deletion, password change end it).
        const current = token.sid ? await checkConsoleSession({ sessionId: token.sid }) : null;
        if (!current) throw new Error(SESSION_ENDED);
        token.role = current.role;
        token.name = current.username;
        return token;
      },
      async session({ session, token }) {
        session.user = { name: String(token.name ?? ""), role: token.role === "admin" ? "admin" : "viewer" };
        return session;
      },
      async redirect({ url, baseUrl }) {
        // Only same-origin paths, normalised as a browser would (lib/console/safe-return-path.ts).
        const origin = new URL(baseUrl).origin;
        let candidate = url;
        try {
          const parsed = new URL(url, baseUrl);
          if (parsed.origin === origin && /^https?:/i.test(url.trim())) candidate = parsed.pathname + parsed.search + parsed.hash;
        } catch {
          candidate = "/";
        }
        return origin + safeReturnPath(candidate, "/roles", { allowSignIn: true });
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeConsoleSessions({ sessionId: token.sid });
      },
    },
  };
}
