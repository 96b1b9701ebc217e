"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { replacePoliciesAction } from "@/app/(console)/_actions/policies/actions";
import { useConsoleUser } from "@/components/shell/console-user";
import { useFlash } from "@/components/shell/flash";
import { BreakableId } from "@/components/wizard/breakable-id";

export interface ReplaceItem {
  id: string;
  kind: "managed" | "inline";
  name: string;
  arn?: string;
  awsManaged?: boolean;
}

/**
 * Replace: choose the old policies to detach (managed) or delete (inline); the unchosen managed
 * policies stay attached and are what replaces them. One confirmed step with a summary.
 */
export function ReplacePolicies({
  entityArn,
  entityName,
  attached,
  inline,
  newPolicyArns,
  onDone,
}: {
  entityArn: string;
  entityName: string;
  attached: { name: string; arn: string; awsManaged: boolean }[];
  inline: string[];
  /** the just-created policies: preselects everything else for removal */
  newPolicyArns?: string[];
  onDone?: () => void;
}) {
  const router = useRouter();
  const flash = useFlash();
  const user = useConsoleUser();
  const items: ReplaceItem[] = [
    ...attached.map((p) => ({ id: p.arn, kind: "managed" as const, name: p.name, arn: p.arn, awsManaged: p.awsManaged })),
    ...inline.map((name) => ({ id: `inline:${name}`, kind: "inline" as const, name })),
  ];
  const [selected, setSelected] = useState<ReplaceItem[]>(newPolicyArns ? items.filter((i) => !newPolicyArns.includes(i.arn ?? "")) : []);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = items.filter((i) => i.kind === "managed" && !selected.some((s) => s.id === i.id));
  const detach = selected.filter((s) => s.kind === "managed");
  const del = selected.filter((s) => s.kind === "inline");
  const isAdmin = user.role === "admin";
  const reason = !isAdmin
    ? "Only administrators can detach or delete policies."
    : selected.length === 0
      ? "Select the broad policies to remove."
      : keep.length === 0
        ? "Keep at least one managed policy attached (the generated one): Replace never leaves the entity without its replacement."
        : null;

  async function run() {
    setBusy(true);
    setError(null);
    const r = await replacePoliciesAction({
      entityArn,
      keepPolicyArns: keep.map((k) => k.arn!),
      detachPolicyArns: detach.map((d) => d.arn!),
      deleteInlineNames: del.map((d) => d.name),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setConfirming(false);
    setSelected([]);
    flash.push({
      type: "success",
      id: "replaced",
      header: `Replaced the broad policies of ${entityName}`,
      content: `${[...r.data.detached.map((d) => `Detached ${d}`), ...r.data.deletedInline.map((d) => `deleted inline ${d}`)].join(", ")}. Undo is in the history below.`,
    });
    onDone?.();
    router.refresh();
  }

  return (
    <>
      <Table
        data-testid="replace-policies"
        variant="container"
        items={items}
        trackBy="id"
        selectionType={isAdmin ? "multi" : undefined}
        selectedItems={selected}
        onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
        isItemDisabled={() => busy}
        ariaLabels={{
          selectionGroupLabel: "Policies to remove",
          itemSelectionLabel: (_s, i) => `Remove ${i.name}`,
          allItemsSelectionLabel: () => "Remove all",
        }}
        wrapLines
        header={
          <Header
            counter={`(${selected.length} of ${items.length} to remove)`}
            description="Select the policies the generated one replaces. Selected managed policies are detached, selected inline ones deleted; the rest stay attached. Undo puts back exactly what was removed."
            actions={
              <Button
                data-testid="replace-button"
                variant="primary"
                disabled={!!reason}
                disabledReason={reason ?? undefined}
                onClick={() => setConfirming(true)}
              >
                Replace
              </Button>
            }
          >
            Replace broad policies
          </Header>
        }
        empty={<Box textAlign="center">No policies are attached.</Box>}
        columnDefinitions={[
          { id: "name", header: "Policy", cell: (i) => <BreakableId text={i.name} />, minWidth: 220 },
          {
            id: "kind",
            header: "Type",
            cell: (i) => (i.kind === "inline" ? "Inline" : i.awsManaged ? "AWS managed" : "Customer managed"),
            width: 170,
          },
          {
            id: "after",
            header: "After Replace",
            width: 200,
            cell: (i) =>
              selected.some((s) => s.id === i.id) ? (
                <StatusIndicator type="warning">{i.kind === "inline" ? "Deleted" : "Detached"}</StatusIndicator>
              ) : (
                <StatusIndicator type="success">Stays attached</StatusIndicator>
              ),
          },
        ]}
      />
      <Modal
        visible={confirming}
        onDismiss={() => !busy && setConfirming(false)}
        header={`Replace the policies of ${entityName}?`}
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" disabled={busy} onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button variant="primary" loading={busy} data-testid="confirm-replace-policies" onClick={() => void run()}>
                Detach and delete
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="m">
          <Box data-testid="replace-summary">
            <SpaceBetween size="xs">
              <div>
                <Box variant="awsui-key-label">Stays attached</Box>
                {keep.map((k) => k.name).join(", ")}
              </div>
              {detach.length > 0 && (
                <div>
                  <Box variant="awsui-key-label">Detached (the policies themselves are kept)</Box>
                  {detach.map((d) => d.name).join(", ")}
                </div>
              )}
              {del.length > 0 && (
                <div>
                  <Box variant="awsui-key-label">Inline policies deleted (their documents are kept for Undo)</Box>
                  {del.map((d) => d.name).join(", ")}
                </div>
              )}
            </SpaceBetween>
          </Box>
          <Box variant="small" color="text-body-secondary">
            The kept policies are attached first; if a step fails, what was already removed is put back, so {entityName} never has fewer
            permissions than now until everything succeeded. The change is recorded with your name.
          </Box>
          {error && (
            <Alert type="error" header="Nothing more was changed">
              {error}
            </Alert>
          )}
        </SpaceBetween>
      </Modal>
    </>
  );
}
