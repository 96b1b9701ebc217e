import { randomBytes } from "node:crypto";
import { getLatestGenerationView } from "@/lib/console/get-generation-view";
import { listTrailOptions } from "@/lib/console/list-trail-options";
import { env } from "@/lib/env";
import { listServiceRoles } from "@/lib/iam/list-service-roles";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { loadPageEntity } from "@/components/entities/load-page-entity";
import { isAppError } from "@/lib/errors";
import { PageProblem } from "@/components/shell/page-problem";
import { GenerateForm } from "./generate-form";

/** The Generate policy page (server): the entity, the service roles and the trails to choose from. */
export async function GeneratePage({ kind, name }: { kind: "role" | "user"; name: string }) {
  let loaded;
  try {
    const page = await loadPageEntity({ kind, name, page: "generate", withDocuments: false });
    loaded = {
      ...page,
      data: await Promise.all([listServiceRoles(), listTrailOptions(), getLatestGenerationView({ principalArn: page.entity.arn })]),
    };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const base = kind === "role" ? "/roles" : "/users";
    const basePath = `${base}/${encodeURIComponent(name)}`;
    return (
      <PageProblem
        title={`Generate policy for ${name}`}
        message={error.userMessage}
        breadcrumbs={[
          { text: "Leastwise", href: "/roles" },
          { text: kind === "role" ? "Roles" : "Users", href: base },
          { text: name, href: basePath },
          { text: "Generate policy", href: `${basePath}/generate` },
        ]}
      />
    );
  }
  const { entity, base, basePath } = loaded;
  const [roles, trailOptions, latest] = loaded.data;
  const trails = trailOptions.options;
  return (
    <ConsoleAppLayout
      contentType="form"
      breadcrumbs={[
        { text: "Leastwise", href: "/roles" },
        { text: kind === "role" ? "Roles" : "Users", href: base },
        { text: entity.name, href: basePath },
        { text: "Generate policy", href: `${basePath}/generate` },
      ]}
    >
      <GenerateForm
        entityName={entity.name}
        principalArn={entity.arn}
        principalAccountId={entity.arn.split(":")[4] ?? ""}
        basePath={basePath}
        serviceRoles={roles.map((r) => ({
          arn: r.arn,
          name: r.name,
          ...(r.trustsLeastwise !== undefined ? { trustsLeastwise: r.trustsLeastwise } : {}),
        }))}
        trailsProblem={trailOptions.problem ?? null}
        accountMode={env().LEASTWISE_ACCOUNT_MODE}
        trails={trails.map((t) => ({
          arn: t.arn,
          name: t.name,
          homeRegion: t.homeRegion,
          location: t.location,
          bucketAccountId: t.bucketAccountId,
          bucketName: t.bucketName,
          organizationTrail: t.organizationTrail,
          ...(t.orgId ? { orgId: t.orgId } : {}),
        }))}
        hasExistingPolicy={!!latest && (latest.status === "SUCCEEDED" || latest.status === "IN_PROGRESS")}
        maxDays={env().LEASTWISE_MAX_WINDOW_DAYS}
        suggestedSuffix={randomBytes(5).toString("hex")}
      />
    </ConsoleAppLayout>
  );
}
