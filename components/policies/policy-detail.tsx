"use client";
import Box from "@cloudscape-design/components/box";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { formatDate } from "@/components/generation/format";
import type { ManagedPolicyDetail } from "@/lib/iam/get-managed-policy";

export function PolicyDetail({ policy }: { policy: ManagedPolicyDetail }) {
  return (
    <ContentLayout header={<Header variant="h1" description={policy.description}>{policy.name}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Policy details</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: "ARN", value: <Box variant="small">{policy.arn}</Box> },
              { label: "Created", value: formatDate(policy.createdAt) },
              { label: "Last edited", value: formatDate(policy.updatedAt) },
              {
                label: "Attached to",
                value: policy.attachedTo.length
                  ? (
                      <SpaceBetween size="xxs">
                        {policy.attachedTo.map((e) => (
                          <Link key={`${e.kind}/${e.name}`} href={`/${e.kind === "role" ? "roles" : "users"}/${encodeURIComponent(e.name)}`}>
                            {e.kind === "role" ? "Role" : "User"} {e.name}
                          </Link>
                        ))}
                      </SpaceBetween>
                    )
                  : "Not attached",
              },
              { label: "Default version", value: policy.defaultVersionId ?? "-" },
            ]}
          />
        </Container>
        <Container header={<Header variant="h2">Policy document</Header>}>
          <pre data-testid="policy-document" style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 13 }}>
            {policy.document}
          </pre>
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
