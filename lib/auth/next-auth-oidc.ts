import type { Provider } from "next-auth/providers/index";
import { env } from "@/lib/env";

/** The optional OIDC provider (Keycloak, Entra ID, Okta, Google, ...), enabled when its issuer is set. */
export function oidcProvider(): Provider | null {
  const e = env();
  const issuer = e.LEASTWISE_OIDC_ISSUER;
  if (!issuer || !e.LEASTWISE_OIDC_CLIENT_ID || !e.LEASTWISE_OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: e.LEASTWISE_OIDC_NAME ?? "Single sign-on",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.LEASTWISE_OIDC_CLIENT_ID,
    clientSecret: e.LEASTWISE_OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; name?: string; email?: string; preferred_username?: string }) {
      return { id: profile.sub, name: profile.email ?? profile.preferred_username ?? profile.name ?? profile.sub };
    },
  };
}
