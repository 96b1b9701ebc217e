"use client";
import { useMemo, useState } from "react";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import CollectionPreferences, { type CollectionPreferencesProps } from "@cloudscape-design/components/collection-preferences";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import type { ActionEvidence } from "@/lib/core/types";
import { formatDate } from "@/components/generation/format";
import { useSplitPanel } from "@/components/shell/split-panel";
import { activityMarks, MARK_LABEL } from "@/lib/console/activity-marks";
import { BreakableId } from "./breakable-id";
import { EvidencePanel } from "./evidence-panel";
import type { ActionRow } from "./wizard-types";
import { pageLabels } from "./page-labels";

const COLUMNS = [
  { id: "action", label: "Action", alwaysVisible: true },
  { id: "accessLevel", label: "Access level" },
  { id: "calls", label: "Calls" },
  { id: "lastSeen", label: "Last seen" },
  { id: "evidence", label: "Evidence" },
];

export function ReviewActionsTable({
  rows,
  evidence,
  window,
  onRemove,
}: {
  rows: ActionRow[];
  evidence: Record<string, ActionEvidence>;
  window: { start: string; end: string };
  onRemove: (actions: string[]) => void;
}) {
  const [selected, setSelected] = useState<ActionRow[]>([]);
  const [prefs, setPrefs] = useState<CollectionPreferencesProps.Preferences>({
    pageSize: 25,
    wrapLines: true,
    contentDisplay: COLUMNS.map((c) => ({ id: c.id, visible: true })),
  });
  const openPanel = useSplitPanel();
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
    pagination: { pageSize: prefs.pageSize ?? 25 },
    selection: { keepSelection: true, trackBy: "action" },
  });
  const byAction = useMemo(() => new Map(Object.entries(evidence).map(([k, v]) => [k.toLowerCase(), v])), [evidence]);

  return (
    <Table
      {...collectionProps}
      data-testid="actions-table"
      // Fixed column widths (Cloudscape's resizable columns): no column is squeezed below its words;
      // at narrow widths the table scrolls sideways instead.
      resizableColumns
      variant="container"
      selectionType="multi"
      selectedItems={selected}
      onSelectionChange={(e) => setSelected(e.detail.selectedItems)}
      trackBy="action"
      items={items}
      // Identifiers wrap only after ":" and "/" (BreakableId); the evidence opens in the layout's
      // split panel, so no column has to be wide enough for ARNs. Fits from 1,024 px up.
      wrapLines={prefs.wrapLines}
      columnDisplay={prefs.contentDisplay}
      preferences={
        <CollectionPreferences
          title="Preferences"
          confirmLabel="Confirm"
          cancelLabel="Cancel"
          preferences={prefs}
          onConfirm={(e) => setPrefs(e.detail)}
          pageSizePreference={{ title: "Actions per page", options: [10, 25, 50, 100].map((n) => ({ value: n, label: `${n} actions` })) }}
          wrapLinesPreference={{ label: "Wrap lines", description: "Wrap long action names instead of cutting them." }}
          contentDisplayPreference={{ title: "Columns", options: COLUMNS }}
        />
      }
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
      pagination={<Pagination {...paginationProps} ariaLabels={pageLabels} />}
      columnDefinitions={[
        {
          id: "action",
          header: "Action",
          sortingField: "action",
          minWidth: 220,
          cell: (r) => (
            <SpaceBetween size="xxs" direction="horizontal">
              <BreakableId text={r.action} />
              {r.origin === "added" && <Badge color="blue">Added</Badge>}
              {r.origin === "denied-accepted" && <Badge color="red">Was denied</Badge>}
            </SpaceBetween>
          ),
        },
        { id: "accessLevel", header: "Access level", cell: (r) => r.accessLevel, sortingField: "accessLevel", width: 150 },
        {
          id: "calls",
          header: "Calls",
          cell: (r) => (r.origin === "generated" ? r.calls.toLocaleString("en") : "-"),
          sortingField: "calls",
          width: 100,
        },
        { id: "lastSeen", header: "Last seen", cell: (r) => formatDate(r.lastSeen), sortingField: "lastSeen", width: 170 },
        {
          id: "evidence",
          header: "Evidence",
          cell: (r) => {
            const ev = byAction.get(r.action.toLowerCase());
            if (r.origin !== "generated" || !ev) {
              return <Box color="text-body-secondary">{r.origin === "added" ? "Added by you" : "Allowed by you after a denied call"}</Box>;
            }
            const marks = activityMarks(ev, window);
            return (
              <SpaceBetween size="xxs" direction="horizontal">
                <Button
                  variant="inline-link"
                  ariaLabel={`Show evidence for ${r.action}`}
                  onClick={() => openPanel({ header: `Evidence: ${r.action}`, content: <EvidencePanel ev={ev} window={window} /> })}
                >
                  Show
                </Button>
                {marks.map((m) => (
                  <Badge key={m} color="severity-medium">
                    {MARK_LABEL[m]}
                  </Badge>
                ))}
              </SpaceBetween>
            );
          },
          minWidth: 160,
        },
      ]}
    />
  );
}
