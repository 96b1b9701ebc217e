import { getLatestGenerationView } from "@/lib/console/get-generation-view";
import { getPermissionComparison } from "@/lib/console/get-permission-comparison";
import { listPolicyReplacements } from "@/lib/console/list-policy-replacements";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { env } from "@/lib/env";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { isAppError } from "@/lib/errors";
import { PageProblem } from "@/components/shell/page-problem";
import { loadPageEntity } from "./load-page-entity";
import { EntityDetail } from "./entity-detail";
import { ReplacePolicies } from "./replace-policies";
import { ReplacementHistory } from "./replacement-history";
import { UnusedPermissions } from "./unused-permissions";

/** The role or user page (server): what it is, what is attached, and its policy generation. */
export async function EntityPage({ kind, name }: { kind: "role" | "user"; name: string }) {
  let loaded;
  try {
    loaded = await loadPageEntity({ kind, name });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const base = kind === "role" ? "/roles" : "/users";
    return (
      <PageProblem
        title={name}
        message={error.userMessage}
        breadcrumbs={[
          { text: "Leastwise", href: "/roles" },
          { text: kind === "role" ? "Roles" : "Users", href: base },
          { text: name, href: `${base}/${encodeURIComponent(name)}` },
        ]}
      />
    );
  }
  const { entity, base } = loaded;
  const [generation, comparison, history] = await Promise.all([
    getLatestGenerationView({ principalArn: entity.arn }),
    getPermissionComparison({ entityArn: entity.arn, entity }),
    listPolicyReplacements({ principalArn: entity.arn }),
  ]);
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
        replace={
          <SpaceBetween size="l">
            <UnusedPermissions view={comparison} entityName={entity.name} />
            <ReplacePolicies entityArn={entity.arn} entityName={entity.name} attached={comparison.attached} inline={comparison.inline} />
            <ReplacementHistory items={history} />
          </SpaceBetween>
        }
      />
    </ConsoleAppLayout>
  );
}
