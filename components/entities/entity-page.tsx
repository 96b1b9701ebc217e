import { getLatestGenerationView } from "@/lib/console/get-generation-view";
import { env } from "@/lib/env";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { isAppError } from "@/lib/errors";
import { PageProblem } from "@/components/shell/page-problem";
import { loadPageEntity } from "./load-page-entity";
import { EntityDetail } from "./entity-detail";

/** The role or user page (server): what it is, what is attached, and its policy generation. */
export async function EntityPage({ kind, name }: { kind: "role" | "user"; name: string }) {
  let loaded;
  try {
    loaded = await loadPageEntity({ kind, name });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const base = kind === "role" ? "/roles" : "/users";
    return <PageProblem title={name} message={error.userMessage} breadcrumbs={[{ text: "Leastwise", href: "/roles" }, { text: kind === "role" ? "Roles" : "Users", href: base }, { text: name, href: `${base}/${encodeURIComponent(name)}` }]} />;
  }
  const { entity, base } = loaded;
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
