"use client";
import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Tabs from "@cloudscape-design/components/tabs";
import type { EntityDetail as Entity } from "@/lib/iam/types";
import type { GenerationView } from "@/lib/console/generation-view";
import { formatDate } from "@/components/generation/format";
import { GenerationStatusPanel } from "@/components/generation/generation-status-panel";
import { BreakableId } from "@/components/wizard/breakable-id";

export function EntityDetail({
  entity,
  generation,
  basePath,
  retentionDays,
  replace,
}: {
  entity: Entity;
  generation: GenerationView | null;
  basePath: string;
  retentionDays: number;
  /** unused permissions, Replace and its history (components/entities/replace-*.tsx) */
  replace?: React.ReactNode;
}) {
  return (
    <ContentLayout
      header={
        <Header variant="h1" description={entity.description}>
          {entity.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Summary</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: "ARN", value: <Box variant="small">{entity.arn}</Box> },
              { label: "Path", value: entity.path },
              { label: "Created", value: formatDate(entity.createdAt) },
              {
                label: entity.kind === "role" ? "Last activity" : "Console last sign-in",
                value: entity.lastActivity
                  ? `${formatDate(entity.lastActivity.date)}${entity.lastActivity.region ? ` (${entity.lastActivity.region})` : ""}`
                  : "None recorded",
              },
            ]}
          />
        </Container>
        <Tabs
          tabs={[
            {
              id: "permissions",
              label: "Permissions",
              content: (
                <SpaceBetween size="l">
                  <AttachedPolicies entity={entity} />
                  <GenerationStatusPanel basePath={basePath} initial={generation} retentionDays={retentionDays} />
                  {replace}
                </SpaceBetween>
              ),
            },
            ...(entity.kind === "role"
              ? [
                  {
                    id: "trust",
                    label: "Trust relationships",
                    content: (
                      <Container header={<Header variant="h2">Trust policy</Header>}>
                        <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 13 }}>{entity.trustPolicy ?? "-"}</pre>
                      </Container>
                    ),
                  },
                ]
              : []),
            {
              id: "tags",
              label: `Tags (${entity.tags.length})`,
              content: (
                <Table
                  variant="container"
                  items={entity.tags}
                  header={<Header>Tags</Header>}
                  empty={<Box textAlign="center">No tags</Box>}
                  columnDefinitions={[
                    { id: "key", header: "Key", cell: (t) => t.key },
                    { id: "value", header: "Value", cell: (t) => t.value || "-" },
                  ]}
                />
              ),
            },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}

function AttachedPolicies({ entity }: { entity: Entity }) {
  return (
    <Table
      data-testid="attached-policies"
      variant="container"
      items={entity.attachedPolicies}
      trackBy="arn"
      wrapLines
      header={
        <Header
          counter={`(${entity.attachedPolicies.length})`}
          description={
            entity.inlinePolicyNames.length
              ? `Inline policies (not shown here): ${entity.inlinePolicyNames.join(", ")}`
              : "Managed policies attached to this entity. Expand one to see its document."
          }
        >
          Permissions policies
        </Header>
      }
      empty={<Box textAlign="center">No managed policies are attached.</Box>}
      columnDefinitions={[
        {
          id: "name",
          header: "Policy name",
          minWidth: 240,
          cell: (p) => (
            <ExpandableSection headerText={<BreakableId text={p.name} />} headerAriaLabel={p.name} variant="footer">
              <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 320, overflow: "auto" }}>{p.document ?? "-"}</pre>
            </ExpandableSection>
          ),
        },
        { id: "type", header: "Type", cell: (p) => (p.awsManaged ? "AWS managed" : "Customer managed"), width: 170 },
        {
          id: "arn",
          header: "ARN",
          cell: (p) => (
            <Box variant="small">
              <BreakableId text={p.arn} />
            </Box>
          ),
        },
      ]}
    />
  );
}
