import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { entityArn } from "@/lib/console/get-caller-account";
import { getLatestGenerationView } from "@/lib/console/get-generation-view";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getEntity } from "@/lib/iam/get-entity";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { EntityDetail } from "./entity-detail";

/** The role or user page (server): what it is, what is attached, and its policy generation. */
export async function EntityPage({ kind, name }: { kind: "role" | "user"; name: string }) {
  const base = kind === "role" ? "/roles" : "/users";
  await requirePageSession({ returnTo: `${base}/${encodeURIComponent(name)}` });
  let entity;
  try {
    entity = await getEntity({ arn: await entityArn(kind, name) });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
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
