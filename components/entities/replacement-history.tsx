"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import StatusIndicator, { type StatusIndicatorProps } from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import { undoReplacementAction } from "@/app/(console)/_actions/policies/actions";
import { formatDate } from "@/components/generation/format";
import { useConsoleUser } from "@/components/shell/console-user";
import { useFlash } from "@/components/shell/flash";
import type { PolicyReplacementView } from "@/lib/console/list-policy-replacements";
import { BreakableId, BreakableText } from "@/components/wizard/breakable-id";

const STATUS: Record<PolicyReplacementView["status"], [StatusIndicatorProps.Type, string]> = {
  STARTED: ["in-progress", "In progress"],
  DONE: ["success", "Replaced"],
  FAILED: ["error", "Failed (put back)"],
  UNDOING: ["in-progress", "Undoing"],
  UNDONE: ["stopped", "Undone"],
};
const short = (arn: string) => arn.split("/").pop() ?? arn;

/** The audit trail of Replace for one entity, with Undo. */
export function ReplacementHistory({ items }: { items: PolicyReplacementView[] }) {
  const router = useRouter();
  const flash = useFlash();
  const user = useConsoleUser();
  const [busy, setBusy] = useState<string | null>(null);

  async function undo(r: PolicyReplacementView) {
    setBusy(r.id);
    const out = await undoReplacementAction({ replacementId: r.id });
    setBusy(null);
    if (!out.ok) {
      flash.push({ type: "error", id: "undo", header: "Undo failed", content: out.error.message });
      return;
    }
    flash.push({
      type: "success",
      id: "undo",
      header: "Undone",
      content: `Re-attached ${out.data.attached.map(short).join(", ") || "nothing"}${out.data.recreated.length ? `; re-created inline ${out.data.recreated.join(", ")}` : ""}.`,
    });
    router.refresh();
  }

  return (
    <Table
      data-testid="replacement-history"
      resizableColumns
      variant="container"
      items={items}
      trackBy="id"
      wrapLines
      header={
        <Header counter={`(${items.length})`} description="Who replaced which policies, when, and what was attached before.">
          Replacement history
        </Header>
      }
      empty={<Box textAlign="center">No policies were replaced from Leastwise.</Box>}
      columnDefinitions={[
        { id: "when", header: "When", cell: (r) => formatDate(r.createdAt), width: 200 },
        {
          id: "who",
          header: "Who",
          cell: (r) => (
            <>
              <BreakableId text={r.actor} />
              {r.undoneBy && (
                <Box variant="small" color="text-body-secondary">
                  undone by <BreakableId text={r.undoneBy} />
                </Box>
              )}
            </>
          ),
          width: 170,
        },
        {
          id: "status",
          header: "Status",
          width: 170,
          cell: (r) => <StatusIndicator type={STATUS[r.status][0]}>{STATUS[r.status][1]}</StatusIndicator>,
        },
        {
          id: "what",
          header: "What",
          width: 320,
          cell: (r) =>
            r.status === "FAILED" ? (
              <Box variant="small">
                <BreakableText text={r.error ?? ""} />
              </Box>
            ) : (
              <Box variant="small">
                Kept <BreakableText text={r.keptPolicyArns.map(short).join(", ")} />. Detached{" "}
                <BreakableText text={r.detached.map((d) => d.name).join(", ") || "none"} />; deleted inline{" "}
                <BreakableText text={r.deletedInline.join(", ") || "none"} />.
              </Box>
            ),
        },
        {
          id: "previous",
          header: "Attached before",
          width: 260,
          cell: (r) =>
            r.previous ? (
              <Box variant="small">
                <BreakableText
                  text={[...r.previous.managed.map((m) => m.name), ...r.previous.inline.map((i) => `${i} (inline)`)].join(", ") || "none"}
                />
              </Box>
            ) : (
              "-"
            ),
        },
        {
          id: "undo",
          header: "Undo",
          width: 110,
          cell: (r) =>
            r.status === "DONE" ? (
              <Button
                data-testid="undo-replacement"
                loading={busy === r.id}
                disabled={user.role !== "admin" || (busy !== null && busy !== r.id)}
                disabledReason={user.role !== "admin" ? "Only administrators can undo." : undefined}
                onClick={() => void undo(r)}
              >
                Undo
              </Button>
            ) : (
              "-"
            ),
        },
      ]}
    />
  );
}
