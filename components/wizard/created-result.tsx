"use client";
import { useQuery } from "@tanstack/react-query";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Spinner from "@cloudscape-design/components/spinner";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useRouter } from "next/navigation";
import { comparePermissionsAction } from "@/app/(console)/_actions/policies/actions";
import { ReplacePolicies } from "@/components/entities/replace-policies";
import { UnusedPermissions } from "@/components/entities/unused-permissions";

export interface CreatedPolicies {
  policies: { name: string; arn: string }[];
  attachedTo: string | null;
}

export function CreatedResult({
  created,
  basePath,
  entityName,
  entityArn,
}: {
  created: CreatedPolicies;
  basePath: string;
  entityName: string;
  entityArn: string;
}) {
  const router = useRouter();
  // After create and attach: what the entity has now, to replace the broad policies in one step.
  const now = useQuery({
    queryKey: ["permission-comparison", entityArn, "after-create"],
    enabled: !!created.attachedTo,
    queryFn: async () => {
      const r = await comparePermissionsAction({ entityArn });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  return (
    <SpaceBetween size="l">
      <Container
        data-testid="created-result"
        header={
          <Header
            variant="h1"
            actions={
              <Button variant="primary" onClick={() => router.push(basePath)}>
                Back to {entityName}
              </Button>
            }
          >
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
              ? `Attached to ${created.attachedTo}. Replace its broader policies below (Undo stays available on ${entityName}'s page).`
              : "Not attached. Attach it from the role or user when you are ready."}
          </Box>
        </SpaceBetween>
      </Container>
      {created.attachedTo && now.isPending && <Spinner />}
      {created.attachedTo && now.error && <Box color="text-status-error">{now.error.message}</Box>}
      {now.data && (
        <SpaceBetween size="l">
          <ReplacePolicies
            entityArn={entityArn}
            entityName={entityName}
            attached={now.data.attached}
            inline={now.data.inline}
            newPolicyArns={created.policies.map((p) => p.arn)}
            onDone={() => router.push(basePath)}
          />
          <UnusedPermissions view={now.data} entityName={entityName} />
        </SpaceBetween>
      )}
    </SpaceBetween>
  );
}
