"use client";
import { useMemo, useState } from "react";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import type { ActionEvidence } from "@/lib/core/types";
import { formatDate } from "@/components/generation/format";
import type { ActionRow } from "./wizard-types";

export function ReviewActionsTable({
  rows,
  evidence,
  onRemove,
}: {
  rows: ActionRow[];
  evidence: Record<string, ActionEvidence>;
  onRemove: (actions: string[]) => void;
}) {
  const [selected, setSelected] = useState<ActionRow[]>([]);
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(rows, {
    filtering: {
      empty: <Box textAlign="center">No actions are left in the policy.</Box>,
      noMatch: <Box textAlign="center">No action matches the filter.</Box>,
      filteringFunction: (item, text) => {
        const t = text.toLowerCase();
        return [item.action, item.service, item.accessLevel, item.regions.join(" ")].some((s) => s.toLowerCase().includes(t));
      },
    },
    sorting: { defaultState: { sortingColumn: { sortingField: "action" } } },
    pagination: { pageSize: 25 },
    selection: { keepSelection: true, trackBy: "action" },
  });
  const byAction = useMemo(() => new Map(Object.entries(evidence).map(([k, v]) => [k.toLowerCase(), v])), [evidence]);

  return (
    <Table
      {...collectionProps}
      data-testid="actions-table"
      variant="container"
      selectionType="multi"
      selectedItems={selected}
      onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
      trackBy="action"
      items={items}
      // Widths that add up to the wizard's content area at 1,400 px: no column hidden behind a
      // horizontal scroll. The action's service is its prefix (sorting by action groups by
      // service); the regions are in the evidence.
      wrapLines
      ariaLabels={{
        selectionGroupLabel: "Select actions",
        allItemsSelectionLabel: () => "Select all actions",
        itemSelectionLabel: (_s, item) => `Select ${item.action}`,
      }}
      header={
        <Header
          counter={`(${rows.length})`}
          description="The actions the entity used in the date range. Remove what it should not keep; expand an action to see why it is here."
          actions={
            <Button
              disabled={selected.length === 0}
              data-testid="remove-actions"
              onClick={() => {
                onRemove(selected.map((s) => s.action));
                setSelected([]);
              }}
            >
              Remove selected{selected.length ? ` (${selected.length})` : ""}
            </Button>
          }
        >
          Actions included in the generated policy
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find actions"
          filteringAriaLabel="Filter actions"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }} />}
      columnDefinitions={[
        {
          id: "action",
          header: "Action",
          sortingField: "action",
          width: 250,
          cell: (r) => (
            <SpaceBetween size="xxs" direction="horizontal">
              <span>{r.action}</span>
              {r.origin === "added" && <Badge color="blue">Added</Badge>}
              {r.origin === "denied-accepted" && <Badge color="red">Was denied</Badge>}
            </SpaceBetween>
          ),
        },
        { id: "accessLevel", header: "Access level", cell: (r) => r.accessLevel, sortingField: "accessLevel", width: 110 },
        { id: "calls", header: "Calls", cell: (r) => (r.origin === "generated" ? r.calls.toLocaleString("en") : "-"), sortingField: "calls", width: 90 },
        { id: "lastSeen", header: "Last seen", cell: (r) => formatDate(r.lastSeen), sortingField: "lastSeen", width: 180 },
        {
          id: "evidence",
          header: "Evidence",
          cell: (r) => <EvidenceDetails row={r} ev={byAction.get(r.action.toLowerCase())} />,
          width: 140,
        },
      ]}
    />
  );
}

function EvidenceDetails({ row, ev }: { row: ActionRow; ev: ActionEvidence | undefined }) {
  if (row.origin !== "generated" || !ev) {
    return <Box color="text-body-secondary">{row.origin === "added" ? "Added by you" : "Allowed by you after a denied call"}</Box>;
  }
  return (
    <ExpandableSection headerText={`${ev.eventNames.length} event name${ev.eventNames.length === 1 ? "" : "s"}`} variant="footer">
      <SpaceBetween size="xxs">
        <Box variant="small">Events: {ev.eventNames.join(", ") || "-"}</Box>
        <Box variant="small">First seen: {formatDate(ev.firstSeen)}</Box>
        <Box variant="small">Regions: {row.regions.join(", ") || "-"}</Box>
        {ev.dataEventsOnly && <Box variant="small">Seen only in data events</Box>}
        {ev.sampleEventIds.length > 0 && <Box variant="small">Sample event IDs: {ev.sampleEventIds.join(", ")}</Box>}
        {ev.resourceArns.length > 0 && (
          <Box variant="small">
            Resources: <span style={{ wordBreak: "break-all" }}>{ev.resourceArns.slice(0, 10).join(", ")}</span>
            {ev.resourceArns.length > 10 ? ` and ${ev.resourceArns.length - 10} more` : ""}
          </Box>
        )}
      </SpaceBetween>
    </ExpandableSection>
  );
}
