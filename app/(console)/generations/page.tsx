import { requirePageSession } from "@/lib/auth/next-auth-session";
import { listPolicyGenerations } from "@/lib/jobs/list-policy-generations";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { GenerationsTable } from "@/components/generation/generations-table";
import { AppError } from "@/lib/errors";

export const metadata = { title: "Policy generations - Leastwise" };

/** The generations of the retention period (the API's ListPolicyGenerations), newest first. */
export default async function GenerationsPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  await requirePageSession({ returnTo: "/generations" });
  const { next } = await searchParams;
  let page;
  try {
    page = await listPolicyGenerations({ maxResults: 50, nextToken: next || undefined });
  } catch (error) {
    if (!(error instanceof AppError && error.field === "nextToken")) throw error;
    page = await listPolicyGenerations({ maxResults: 50 });
  }
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Policy generations", href: "/generations" },
      ]}
    >
      <GenerationsTable rows={page.policyGenerations} nextToken={page.nextToken ?? null} isFirstPage={!next} />
    </ConsoleAppLayout>
  );
}
