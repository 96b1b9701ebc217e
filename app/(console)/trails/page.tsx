import { requirePageSession } from "@/lib/auth/next-auth-session";
import { getCallerAccount } from "@/lib/console/get-caller-account";
import { listTrails } from "@/lib/trails/list-trails";
import { listTrailOptions } from "@/lib/console/list-trail-options";
import { env } from "@/lib/env";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { TrailsTable, type TrailRow } from "@/components/admin/trails-table";

export const metadata = { title: "Trails - Leastwise" };

export default async function TrailsPage() {
  await requirePageSession({ returnTo: "/trails" });
  const aws = env().LEASTWISE_ACCOUNT_MODE === "aws";
  const [trails, account, options] = await Promise.all([
    listTrails(),
    getCallerAccount().catch(() => ({ accountId: "", partition: "aws" })),
    // In a real account the trails CloudTrail knows are offered too; show them here as well.
    aws ? listTrailOptions() : Promise.resolve({ options: [], problem: undefined }),
  ]);
  const fromAccount: TrailRow[] = options.options
    .filter((t) => !t.registered)
    .map((t) => ({
      arn: t.arn,
      name: t.name,
      homeRegion: t.homeRegion,
      accountId: t.bucketAccountId ?? "",
      orgId: t.orgId ?? (t.organizationTrail ? "organization trail" : null),
      kind: "s3" as const,
      location: t.location,
      endpoint: null,
      prefix: null,
      registered: false,
    }));
  const registered: TrailRow[] = trails.map((t) => ({
    arn: t.arn,
    name: t.name,
    homeRegion: t.homeRegion,
    accountId: t.accountId,
    orgId: t.orgId ?? null,
    kind: t.source.kind,
    location: t.source.kind === "local" ? t.source.dir : `s3://${t.source.bucket}${t.source.prefix ? `/${t.source.prefix}` : ""}`,
    endpoint: t.source.kind === "s3" ? (t.source.endpoint ?? null) : null,
    prefix: t.source.prefix ?? null,
    registered: true,
  }));
  const rows = [...registered, ...fromAccount];
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "Trails", href: "/trails" },
      ]}
    >
      <TrailsTable trails={rows} defaultAccountId={account.accountId} partition={account.partition} problem={options.problem ?? null} />
    </ConsoleAppLayout>
  );
}
