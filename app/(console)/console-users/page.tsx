import { requirePageSession } from "@/lib/auth/next-auth-session";
import { listConsoleUsers } from "@/lib/auth/users-list";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { ConsoleUsersTable } from "@/components/admin/console-users-table";

export const metadata = { title: "Console users - Leastwise" };

export default async function ConsoleUsersPage() {
  const session = await requirePageSession({ admin: true, returnTo: "/console-users" });
  const users = await listConsoleUsers();
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Console users", href: "/console-users" },
      ]}
    >
      <ConsoleUsersTable users={users} me={session.username} />
    </ConsoleAppLayout>
  );
}
