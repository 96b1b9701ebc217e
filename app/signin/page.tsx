import { redirect } from "next/navigation";
import { getConsoleSession } from "@/lib/auth/next-auth-session";
import { ensureFirstAdmin } from "@/lib/auth/users-ensure-first-admin";
import { oidcProvider } from "@/lib/auth/next-auth-oidc";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeReturnPath } from "@/lib/console/safe-return-path";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in - Leastwise" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const returnTo = safeReturnPath(params.callbackUrl);
  if (await getConsoleSession()) redirect(returnTo);
  await ensureFirstAdmin();
  const oidc = oidcProvider();
  return (
    <SignInForm
      returnTo={returnTo}
      oidcName={oidc ? oidc.name : null}
      initialError={params.error ? "Sign-in failed. Check your user name and password, or ask an administrator." : null}
    />
  );
}
