import { getLatestGenerationView } from "@/lib/console/get-generation-view";
import { env } from "@/lib/env";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { loadPageEntity } from "./load-page-entity";
import { EntityDetail } from "./entity-detail";

/** The role or user page (server): what it is, what is attached, and its policy generation. */
export async function EntityPage({ kind, name }: { kind: "role" | "user"; name: string }) {
  const { entity, base } = await loadPageEntity({ kind, name });
  const generation = await getLatestGenerationView({ principalArn: entity.arn });
  return (
    <ConsoleAppLayout
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: kind === "role" ? "Roles" : "Users", href: base },
        { text: entity.name, href: `${base}/${encodeURIComponent(entity.name)}` },
      ]}
    >
      <EntityDetail
        entity={entity}
        generation={generation}
        basePath={`${base}/${encodeURIComponent(entity.name)}`}
        retentionDays={env().LEASTWISE_RETENTION_DAYS}
      />
    </ConsoleAppLayout>
  );
}
