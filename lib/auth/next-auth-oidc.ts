import type { Provider } from "next-auth/providers/index";
import { env } from "@/lib/env";

/** The optional OIDC provider (Keycloak, Entra ID, Okta, Google, ...), enabled when its issuer is set. */
export function oidcProvider(): Provider | null {
  const issuer = env.LEASTWISE_OIDC_ISSUER;
  if (!issuer || !env.LEASTWISE_OIDC_CLIENT_ID || !env.LEASTWISE_OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.LEASTWISE_OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.LEASTWISE_OIDC_CLIENT_ID,
    clientSecret: env.LEASTWISE_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; name?: string; email?: string; preferred_username?: string }) {
      return { id: profile.sub, name: profile.email ?? profile.preferred_username ?? profile.name ?? profile.sub };
    },
  };
}
