import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { EntityList } from "@/components/entities/entity-list";

export const metadata = { title: "Users - Leastwise" };

export default async function UsersPage() {
  await requirePageSession({ returnTo: "/users" });
  return (
    <ConsoleAppLayout contentType="table" breadcrumbs={[{ text: "Leastwise", href: "/roles" }, { text: "Users", href: "/users" }]}>
      <EntityList kind="user" />
    </ConsoleAppLayout>
  );
}
