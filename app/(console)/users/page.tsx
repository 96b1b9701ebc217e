import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { EntityList } from "@/components/entities/entity-list";
import { listUsers } from "@/lib/iam/list-users";

export const metadata = { title: "Users - Leastwise" };

export default async function UsersPage() {
  await requirePageSession({ returnTo: "/users" });
  // Rendered on the server: the first page's rows arrive with the HTML (no fetch after load).
  const initial = await listUsers({ maxItems: 25 }).catch(() => undefined);
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Users", href: "/users" },
      ]}
    >
      <EntityList kind="user" initial={initial} />
    </ConsoleAppLayout>
  );
}
