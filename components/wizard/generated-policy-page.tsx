import Alert from "@cloudscape-design/components/alert";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import { buildWizardPolicy, catalogLookup } from "@/lib/console/build-wizard-policy";
import { getActiveWizardJob } from "@/lib/console/get-wizard-job";
import { ConsoleAppLayout } from "@/components/shell/console-app-layout";
import { loadPageEntity } from "@/components/entities/load-page-entity";
import { GeneratedPolicyWizard } from "./generated-policy-wizard";
import type { WizardData } from "./wizard-types";

/** The review/customize/create wizard over the entity's active generated policy (server part). */
export async function GeneratedPolicyPage({ kind, name }: { kind: "role" | "user"; name: string }) {
  const { entity, base, basePath } = await loadPageEntity({ kind, name, page: "generated-policy", withDocuments: false });
  const job = await getActiveWizardJob({ principalArn: entity.arn });
  const crumbs = [
    { text: "Leastwise", href: "/roles" },
    { text: kind === "role" ? "Roles" : "Users", href: base },
    { text: entity.name, href: basePath },
    { text: "Generated policy", href: `${basePath}/generated-policy` },
  ];
  if (!job) {
    return (
      <ConsoleAppLayout breadcrumbs={crumbs}>
        <ContentLayout header={<Header variant="h1">Generated policy</Header>}>
          <Alert type="info" header="No generated policy to review">
            {entity.name} has no successful policy generation in the last 7 days.{" "}
            <Link href={`${basePath}/generate`}>Generate a policy</Link> first.
          </Alert>
        </ContentLayout>
      </ConsoleAppLayout>
    );
  }
  const built = buildWizardPolicy({ usage: job.usage, selection: job.selection });
  const accessLevels: Record<string, string> = {};
  const names = [
    ...Object.keys(job.usage.actions),
    ...job.selection.addedActions,
    ...Object.values(job.usage.denied).map((d) => d.action ?? ""),
  ].filter(Boolean);
  for (const n of names) {
    const info = catalogLookup(n);
    if (info?.accessLevel) accessLevels[n] = info.accessLevel;
  }
  const data: WizardData = {
    jobId: job.jobId,
    entityName: entity.name,
    entityKind: kind,
    principalArn: entity.arn,
    basePath,
    usage: job.usage,
    accessLevels,
    selection: job.selection,
    documentText: job.documentText,
    builtText: built.text,
    isComplete: built.isComplete,
    readSummary: job.readSummary,
    window: job.window,
  };
  return (
    <ConsoleAppLayout breadcrumbs={crumbs} contentType="default" navigationClosed>
      <GeneratedPolicyWizard data={data} />
    </ConsoleAppLayout>
  );
}
