import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleUserProvider } from "@/components/shell/console-user";
import { TopBar } from "@/components/shell/top-bar";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // Convenience only: every page, action and route handler checks the session again itself.
  const session = await requirePageSession();
  return (
    <ConsoleUserProvider user={session}>
      <TopBar />
      {children}
    </ConsoleUserProvider>
  );
}
