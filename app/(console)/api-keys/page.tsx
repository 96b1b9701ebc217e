import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { ApiKeysTable, type ApiKeyRow } from "@/components/admin/api-keys-table";
import { CatalogPanel } from "@/components/admin/catalog-panel";
import { catalogVersion } from "@/lib/catalog-update/catalog-version";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import SpaceBetween from "@cloudscape-design/components/space-between";

export const metadata = { title: "API keys - Leastwise" };

export default async function ApiKeysPage() {
  await requirePageSession({ admin: true, returnTo: "/api-keys" });
  const keys = await listApiKeys();
  const rows: ApiKeyRow[] = keys.map((k) => ({
    id: k.id,
    name: k.name,
    accessKeyId: k.accessKeyId,
    createdBy: k.createdBy ?? null,
    createdAt: new Date(k.createdAt).toISOString(),
    lastUsedAt: k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : null,
    revokedAt: k.revokedAt ? new Date(k.revokedAt).toISOString() : null,
    scopes: k.scopes,
    scoped: k.scoped,
  }));
  return (
    <ConsoleAppLayout
      contentType="table"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: "API keys", href: "/api-keys" },
      ]}
    >
      <SpaceBetween size="l">
        <ApiKeysTable keys={rows} />
        <CatalogPanel version={catalogVersion()} />
      </SpaceBetween>
    </ConsoleAppLayout>
  );
}
