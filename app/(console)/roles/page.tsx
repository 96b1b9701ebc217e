import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { EntityList } from "@/components/entities/entity-list";

export const metadata = { title: "Roles - Leastwise" };

export default async function RolesPage() {
  await requirePageSession({ returnTo: "/roles" });
  return (
    <ConsoleAppLayout contentType="table" breadcrumbs={[{ text: "Leastwise", href: "/roles" }, { text: "Roles", href: "/roles" }]}>
      <EntityList kind="role" />
    </ConsoleAppLayout>
  );
}
