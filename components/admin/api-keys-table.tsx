"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import Button from "@cloudscape-design/components/button";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(console)/_actions/api-keys/actions";
import { formatDate } from "@/components/generation/format";
import { useFlash } from "@/components/shell/flash";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/auth/api-key-scope-names";
import { SecretOnceModal } from "./secret-once";

export interface ApiKeyRow {
  id: string;
  name: string;
  accessKeyId: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scopes: ApiKeyScope[];
  /** false: a key from before scopes existed */
  scoped: boolean;
}

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const router = useRouter();
  const flash = useFlash();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["generations:read"]);
  const [scopesError, setScopesError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ label: string; value: string }[] | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);

  async function create() {
    setBusy(true);
    setNameError(null);
    setScopesError(null);
    const r = await createApiKeyAction({ name, scopes });
    setBusy(false);
    if (!r.ok) {
      if (r.error.field === "scopes") setScopesError(r.error.message);
      else setNameError(r.error.message);
      return;
    }
    setCreating(false);
    setName("");
    setScopes(["generations:read"]);
    setSecret([
      { label: "Access key ID", value: r.data.accessKeyId },
      { label: "Secret access key", value: r.data.secretAccessKey },
    ]);
    router.refresh();
  }

  async function revoke(key: ApiKeyRow) {
    const r = await revokeApiKeyAction({ id: key.id });
    setRevoking(null);
    if (!r.ok) flash.push({ type: "error", header: `Could not revoke ${key.accessKeyId}`, content: r.error.message });
    else {
      flash.push({ type: "success", header: `Revoked ${key.accessKeyId}`, content: "Requests signed with it are refused from now on." });
      router.refresh();
    }
  }

  return (
    <>
      <Table
        data-testid="api-keys"
        variant="full-page"
        items={keys}
        trackBy="id"
        wrapLines
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${keys.filter((k) => !k.revokedAt).length} active)`}
            description="SigV4 access keys for the Access Analyzer-compatible API: aws accessanalyzer ... --endpoint-url pointing here, with these as the credentials. The secret is shown once and stored encrypted."
            actions={
              <Button variant="primary" onClick={() => setCreating(true)} data-testid="create-api-key">
                Create API key
              </Button>
            }
          >
            API keys
          </Header>
        }
        empty={<Box textAlign="center">No API keys yet.</Box>}
        columnDefinitions={[
          {
            id: "name",
            header: "Name",
            cell: (k) =>
              k.createdBy === "leastwise" ? (
                <SpaceBetween size="xxxs">
                  <span>{k.name}</span>
                  <Box variant="small">Used by Leastwise itself; revoking it makes Leastwise issue a new one.</Box>
                </SpaceBetween>
              ) : (
                k.name
              ),
          },
          { id: "id", header: "Access key ID", cell: (k) => <code>{k.accessKeyId}</code> },
          {
            id: "scopes",
            header: "Scopes",
            cell: (k) => (
              <SpaceBetween size="xxxs">
                {k.scopes.map((s) => (
                  <code key={s}>{s}</code>
                ))}
                {!k.scoped && <Box variant="small">Key from before scopes (setting LEASTWISE_LEGACY_API_KEYS)</Box>}
              </SpaceBetween>
            ),
          },
          {
            id: "status",
            header: "Status",
            cell: (k) =>
              k.revokedAt ? (
                <StatusIndicator type="stopped">Revoked {formatDate(k.revokedAt)}</StatusIndicator>
              ) : (
                <StatusIndicator type="success">Active</StatusIndicator>
              ),
          },
          {
            id: "created",
            header: "Created",
            cell: (k) => `${formatDate(k.createdAt)}${k.createdBy ? ` by ${k.createdBy.replace(/^user:/, "")}` : ""}`,
          },
          { id: "used", header: "Last used", cell: (k) => formatDate(k.lastUsedAt) },
          {
            id: "actions",
            header: "Actions",
            cell: (k) => (
              <Button variant="inline-link" disabled={!!k.revokedAt} onClick={() => setRevoking(k)} ariaLabel={`Revoke ${k.accessKeyId}`}>
                Revoke
              </Button>
            ),
          },
        ]}
      />
      <Modal visible={creating} onDismiss={() => setCreating(false)} header="Create API key">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => setCreating(false)}>
                  Cancel
                </Button>
                <Button variant="primary" loading={busy} data-testid="create-api-key-submit">
                  Create
                </Button>
              </SpaceBetween>
            }
          >
            <FormField label="Name" errorText={nameError} description="Who or what uses the key, e.g. ci-pipeline.">
              <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="API key name" />
            </FormField>
            <FormField label="Scopes" errorText={scopesError} description="What the key may do. Choose only what its user needs.">
              <SpaceBetween size="xxs">
                {API_KEY_SCOPES.map((s) => (
                  <Checkbox
                    key={s}
                    checked={scopes.includes(s)}
                    onChange={(e) => setScopes((cur) => (e.detail.checked ? [...cur, s] : cur.filter((c) => c !== s)))}
                    data-testid={`scope-${s}`}
                  >
                    <code>{s}</code>: {API_KEY_SCOPE_LABELS[s]}
                  </Checkbox>
                ))}
              </SpaceBetween>
            </FormField>
          </Form>
        </form>
      </Modal>
      <Modal
        visible={!!revoking}
        onDismiss={() => setRevoking(null)}
        header="Revoke API key?"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setRevoking(null)}>
                Cancel
              </Button>
              <Button variant="primary" onClick={() => revoking && void revoke(revoking)} data-testid="confirm-revoke">
                Revoke
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        Scripts using {revoking?.accessKeyId} ({revoking?.name}) stop working at once. This cannot be undone.
      </Modal>
      <SecretOnceModal title="New API key" items={secret} onClose={() => setSecret(null)} />
    </>
  );
}
