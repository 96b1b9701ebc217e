import { requirePageSession } from "@/lib/auth/next-auth-session";
import { getCallerAccount } from "@/lib/console/get-caller-account";
import { listTrails } from "@/lib/trails/list-trails";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { TrailsTable, type TrailRow } from "@/components/admin/trails-table";

export const metadata = { title: "Trails - Leastwise" };

export default async function TrailsPage() {
  await requirePageSession({ returnTo: "/trails" });
  const [trails, account] = await Promise.all([listTrails(), getCallerAccount().catch(() => ({ accountId: "", partition: "aws" }))]);
  const rows: TrailRow[] = trails.map((t) => ({
    arn: t.arn,
    name: t.name,
    homeRegion: t.homeRegion,
    accountId: t.accountId,
    orgId: t.orgId ?? null,
    kind: t.source.kind,
    location:
      t.source.kind === "local"
        ? t.source.dir
        : `s3://${t.source.bucket}${t.source.prefix ? `/${t.source.prefix}` : ""}`,
    endpoint: t.source.kind === "s3" ? (t.source.endpoint ?? null) : null,
    prefix: t.source.prefix ?? null,
  }));
  return (
    <ConsoleAppLayout contentType="table" breadcrumbs={[{ text: "Leastwise", href: "/roles" }, { text: "Trails", href: "/trails" }]}>
      <TrailsTable trails={rows} defaultAccountId={account.accountId} partition={account.partition} />
    </ConsoleAppLayout>
  );
}
