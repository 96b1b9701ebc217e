import { requirePageSession } from "@/lib/auth/next-auth-session";
import { listPolicies } from "@/lib/iam/list-policies";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { PoliciesTable } from "@/components/policies/policies-table";

export const metadata = { title: "Policies - Leastwise" };

export default async function PoliciesPage() {
  await requirePageSession({ returnTo: "/policies" });
  const { policies, truncated } = await listPolicies({ withDescriptions: true });
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Policies", href: "/policies" },
      ]}
    >
      <PoliciesTable policies={policies} truncated={truncated} />
    </ConsoleAppLayout>
  );
}
