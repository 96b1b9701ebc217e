import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { getAuthSecret } from "./next-auth-secret";
import { oidcProvider } from "./next-auth-oidc";
import { verifyUserCredentials } from "./users-verify-credentials";
import { signInOidcUser } from "./users-sign-in-oidc";
import type { ConsoleRoleName } from "./users-types";

declare module "next-auth" {
  interface User {
    role?: ConsoleRoleName;
  }
  interface Session {
    user: { name: string; role: ConsoleRoleName };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: ConsoleRoleName;
  }
}

/** next-auth configuration: local users (bcrypt) and, when configured, one OIDC provider. */
export function getAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: env().LEASTWISE_SESSION_HOURS * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Leastwise account",
        credentials: { username: { label: "User name", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          if (!credentials?.username || !credentials.password) return null;
          const user = await verifyUserCredentials({ username: credentials.username, password: credentials.password });
          return user ? { id: user.id, name: user.username, role: user.role } : null;
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const signedIn = await signInOidcUser({
          subject: account.providerAccountId,
          username: (profile as { email?: string; preferred_username?: string } | undefined)?.email ??
            (profile as { preferred_username?: string } | undefined)?.preferred_username ?? user.name ?? account.providerAccountId,
        });
        user.role = signedIn.role;
        user.name = signedIn.username;
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.role = user.role ?? "viewer";
          token.name = user.name;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { name: String(token.name ?? ""), role: token.role === "admin" ? "admin" : "viewer" };
        return session;
      },
    },
  };
}
