"use client";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";

export interface CreatedPolicies {
  policies: { name: string; arn: string }[];
  attachedTo: string | null;
}

export function CreatedResult({ created, basePath, entityName }: { created: CreatedPolicies; basePath: string; entityName: string }) {
  const router = useRouter();
  return (
    <Container
      data-testid="created-result"
      header={
        <Header variant="h1" actions={<Button variant="primary" onClick={() => router.push(basePath)}>Back to {entityName}</Button>}>
          Policy created
        </Header>
      }
    >
      <SpaceBetween size="m">
        {created.policies.map((p) => (
          <SpaceBetween key={p.arn} size="xxs">
            <StatusIndicator type="success">
              <Link href={`/policies/${encodeURIComponent(p.name)}`}>{p.name}</Link>
            </StatusIndicator>
            <Box variant="small" color="text-body-secondary">
              {p.arn}
            </Box>
          </SpaceBetween>
        ))}
        <Box>
          {created.attachedTo
            ? `Attached to ${created.attachedTo}. Check that it still works, then detach its broader policies.`
            : "Not attached. Attach it from the role or user when you are ready."}
        </Box>
      </SpaceBetween>
    </Container>
  );
}
