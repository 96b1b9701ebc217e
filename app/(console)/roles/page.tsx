import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { EntityList } from "@/components/entities/entity-list";
import { listRoles } from "@/lib/iam/list-roles";

export const metadata = { title: "Roles - Leastwise" };

export default async function RolesPage() {
  await requirePageSession({ returnTo: "/roles" });
  // Rendered on the server: the first page's rows arrive with the HTML (no fetch after load).
  const initial = await listRoles({ maxItems: 25, withLastActivity: true }).catch(() => undefined);
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Roles", href: "/roles" },
      ]}
    >
      <EntityList kind="role" initial={initial} />
    </ConsoleAppLayout>
  );
}
