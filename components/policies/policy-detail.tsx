"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import ContentLayout from "@cloudscape-design/components/content-layout";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Link from "@cloudscape-design/components/link";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Tabs from "@cloudscape-design/components/tabs";
import { deletePolicyAction, detachPolicyAction } from "@/app/(console)/_actions/policies/actions";
import { formatDate } from "@/components/generation/format";
import { useConsoleUser } from "@/components/shell/console-user";
import { useFlash } from "@/components/shell/flash";
import type { ManagedPolicyDetail } from "@/lib/iam/get-managed-policy";
import { PolicyCode } from "./policy-code";
import { BreakableId } from "@/components/wizard/breakable-id";

type Attached = ManagedPolicyDetail["attachedTo"][number];
const entityHref = (e: Attached) =>
  e.kind === "group" ? undefined : `/${e.kind === "role" ? "roles" : "users"}/${encodeURIComponent(e.name)}`;

export function PolicyDetail({ policy, accountArnPrefix }: { policy: ManagedPolicyDetail; accountArnPrefix: string }) {
  const router = useRouter();
  const flash = useFlash();
  const isAdmin = useConsoleUser().role === "admin";
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const adminReason = isAdmin ? undefined : "Only administrators can change policies.";

  async function detach(e: Attached) {
    setBusy(`${e.kind}/${e.name}`);
    const r = await detachPolicyAction({ entityArn: `${accountArnPrefix}${e.kind}/${e.name}`, policyArn: policy.arn });
    setBusy(null);
    if (!r.ok) flash.push({ type: "error", id: "detach", header: `Could not detach ${policy.name}`, content: r.error.message });
    else {
      flash.push({ type: "success", id: "detach", header: `Detached ${policy.name} from ${e.name}` });
      router.refresh();
    }
  }

  async function remove() {
    setBusy("delete");
    setDeleteError(null);
    const r = await deletePolicyAction({ policyArn: policy.arn });
    setBusy(null);
    if (!r.ok) {
      setDeleteError(r.error.message);
      return;
    }
    flash.push({ type: "success", id: "deleted", header: `Deleted ${r.data.deleted}` });
    router.push("/policies");
  }

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={policy.description}
          actions={
            !policy.awsManaged && (
              <Button data-testid="delete-policy" disabled={!isAdmin} disabledReason={adminReason} onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )
          }
        >
          {policy.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Policy details</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: "ARN",
                value: (
                  <CopyToClipboard
                    variant="inline"
                    textToCopy={policy.arn}
                    copyButtonAriaLabel="Copy ARN"
                    copySuccessText="ARN copied"
                    copyErrorText="Could not copy"
                  />
                ),
              },
              { label: "Type", value: policy.awsManaged ? "AWS managed" : "Customer managed" },
              { label: "Description", value: policy.description ?? "-" },
              { label: "Created", value: formatDate(policy.createdAt) },
              { label: "Last edited", value: formatDate(policy.updatedAt) },
              { label: "Default version", value: policy.defaultVersionId ?? "-" },
            ]}
          />
        </Container>
        <Tabs
          tabs={[
            {
              id: "permissions",
              label: "Permissions",
              content: (
                <Container
                  header={
                    <Header
                      variant="h2"
                      actions={
                        <CopyToClipboard
                          variant="button"
                          textToCopy={policy.document}
                          copyButtonText="Copy JSON"
                          copySuccessText="Policy JSON copied"
                          copyErrorText="Could not copy"
                        />
                      }
                    >
                      Policy document
                    </Header>
                  }
                >
                  <pre data-testid="policy-document" style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 13 }}>
                    {policy.document}
                  </pre>
                </Container>
              ),
            },
            {
              id: "code",
              label: "As code",
              content: (
                <PolicyCode
                  input={{
                    text: policy.document,
                    name: policy.name,
                    description: policy.description,
                    path: policy.path,
                    tags: policy.tags,
                    split: false,
                  }}
                />
              ),
            },
            {
              id: "entities",
              label: `Entities attached (${policy.attachedTo.length})`,
              content: (
                <Table
                  data-testid="policy-entities"
                  variant="container"
                  items={policy.attachedTo}
                  trackBy={(e) => `${e.kind}/${e.name}`}
                  header={<Header counter={`(${policy.attachedTo.length})`}>Entities attached</Header>}
                  empty={<Box textAlign="center">Not attached to any role, user or group.</Box>}
                  columnDefinitions={[
                    {
                      id: "name",
                      header: "Entity",
                      cell: (e) =>
                        entityHref(e) ? (
                          <Link href={entityHref(e)!}>
                            <BreakableId text={e.name} />
                          </Link>
                        ) : (
                          <BreakableId text={e.name} />
                        ),
                    },
                    {
                      id: "kind",
                      header: "Type",
                      cell: (e) => (e.kind === "role" ? "Role" : e.kind === "user" ? "User" : "Group"),
                      width: 120,
                    },
                    {
                      id: "detach",
                      header: "Actions",
                      width: 140,
                      cell: (e) =>
                        e.kind === "group" ? (
                          "-"
                        ) : (
                          <Button
                            ariaLabel={`Detach from ${e.name}`}
                            loading={busy === `${e.kind}/${e.name}`}
                            disabled={!isAdmin || busy !== null}
                            disabledReason={adminReason}
                            onClick={() => void detach(e)}
                          >
                            Detach
                          </Button>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              id: "versions",
              label: `Versions (${policy.versions.length})`,
              content: (
                <Table
                  data-testid="policy-versions"
                  variant="container"
                  items={policy.versions}
                  trackBy="versionId"
                  header={<Header counter={`(${policy.versions.length})`}>Policy versions</Header>}
                  columnDefinitions={[
                    { id: "version", header: "Version", cell: (v) => `${v.versionId}${v.isDefault ? " (default)" : ""}` },
                    { id: "created", header: "Created", cell: (v) => formatDate(v.createdAt) },
                  ]}
                />
              ),
            },
            {
              id: "tags",
              label: `Tags (${policy.tags.length})`,
              content: (
                <Table
                  data-testid="policy-tags"
                  variant="container"
                  items={policy.tags}
                  header={<Header counter={`(${policy.tags.length})`}>Tags</Header>}
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
      <Modal
        visible={deleting}
        onDismiss={() => busy === null && setDeleting(false)}
        header={`Delete ${policy.name}?`}
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setDeleting(false)} disabled={busy !== null}>
                Cancel
              </Button>
              <Button variant="primary" data-testid="confirm-delete-policy" loading={busy === "delete"} onClick={() => void remove()}>
                Delete
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="m">
          <Box>
            The policy and all its versions are deleted.{" "}
            {policy.attachedTo.length > 0 &&
              `It is attached to ${policy.attachedTo.length} ${policy.attachedTo.length === 1 ? "entity" : "entities"}: IAM refuses to delete it until it is detached.`}
          </Box>
          {deleteError && (
            <Alert type="error" header="Not deleted">
              {deleteError}
            </Alert>
          )}
        </SpaceBetween>
      </Modal>
    </ContentLayout>
  );
}
