import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { getCallerAccount } from "@/lib/console/get-caller-account";
import { isAppError } from "@/lib/errors";
import { getManagedPolicy } from "@/lib/iam/get-managed-policy";
import { listPolicies } from "@/lib/iam/list-policies";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { PolicyDetail } from "@/components/policies/policy-detail";

export default async function PolicyPage({ params }: { params: Promise<{ name: string }> }) {
  const name = decodeURIComponent((await params).name);
  await requirePageSession({ returnTo: `/policies/${encodeURIComponent(name)}` });
  // Policies are addressed by name like in the IAM console; the path comes from the listing.
  const { policies } = await listPolicies();
  const found = policies.find((p) => p.name === name);
  const { accountId, partition } = await getCallerAccount();
  const arn = found?.arn ?? `arn:${partition}:iam::${accountId}:policy/${name}`;
  let policy;
  try {
    policy = await getManagedPolicy({ arn });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
  return (
    <ConsoleAppLayout
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Policies", href: "/policies" },
        { text: policy.name, href: `/policies/${encodeURIComponent(policy.name)}` },
      ]}
    >
      <PolicyDetail policy={policy} accountArnPrefix={`arn:${partition}:iam::${accountId}:`} />
    </ConsoleAppLayout>
  );
}
