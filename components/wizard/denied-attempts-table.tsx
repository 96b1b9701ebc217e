"use client";
import { useMemo } from "react";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { formatDate } from "@/components/generation/format";
import { groupDenied, type DeniedGroup } from "@/lib/console/group-denied";
import type { DeniedAttempt } from "@/lib/core/types";
import { BreakableId, BreakableText } from "./breakable-id";
import { pageLabels } from "./page-labels";

/** Denied attempts, one row per action and error, filtered, sorted and paged like the actions table. */
export function DeniedAttemptsTable({
  denied,
  inPolicy,
  accepted,
  onAccept,
}: {
  denied: Record<string, DeniedAttempt>;
  inPolicy: (action: string) => boolean;
  accepted: string[];
  /** the keys to add (checked) or drop */
  onAccept: (keys: string[], on: boolean) => void;
}) {
  const rows = useMemo(() => groupDenied(denied, inPolicy), [denied, inPolicy]);
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(rows, {
    filtering: {
      empty: <Box textAlign="center">No call of this entity was denied.</Box>,
      noMatch: <Box textAlign="center">No denied attempt matches the filter.</Box>,
      filteringFunction: (g, text) => {
        const t = text.toLowerCase();
        return [g.action ?? "", g.eventSource, g.eventNames.join(" "), g.errorCode, g.errorMessage ?? ""].some((s) =>
          s.toLowerCase().includes(t),
        );
      },
    },
    pagination: { pageSize: 25 },
  });
  const isAccepted = (g: DeniedGroup) => g.keys.some((k) => accepted.includes(k));
  return (
    <Table
      {...collectionProps}
      data-testid="denied-attempts"
      resizableColumns
      variant="container"
      items={items}
      trackBy="id"
      wrapLines
      header={
        <Header
          counter={`(${rows.length})`}
          description="Calls that failed. They grant nothing; allow one only if the entity should be able to do it. Actions that never succeeded come first: allowing one adds it to the policy."
        >
          Denied attempts
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find denied attempts"
          filteringAriaLabel="Filter denied attempts"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={pageLabels} />}
      columnDefinitions={[
        {
          id: "accept",
          header: "Allow",
          width: 80,
          cell: (g) =>
            g.action ? (
              <Checkbox checked={isAccepted(g)} onChange={(e) => onAccept(g.keys, e.detail.checked)} ariaLabel={`Allow ${g.action}`} />
            ) : (
              "-"
            ),
        },
        {
          id: "action",
          header: "Action",
          width: 220,
          cell: (g) => (
            <SpaceBetween size="xxs">
              <BreakableId text={g.action ?? `${g.eventSource} ${g.eventNames[0]}`} />
              {g.action && !inPolicy(g.action) && <Badge color="grey">Never succeeded</Badge>}
            </SpaceBetween>
          ),
        },
        { id: "calls", header: "Calls", cell: (g) => g.calls.toLocaleString("en"), width: 90 },
        { id: "last", header: "Last seen", cell: (g) => formatDate(g.lastSeen), width: 170 },
        {
          id: "message",
          header: "Error",
          width: 320,
          cell: (g) => (
            <Box variant="small">
              <b>{g.errorCode}</b>
              {g.errorMessage ? (
                <>
                  : <BreakableText text={g.errorMessage} />
                </>
              ) : (
                ""
              )}
              {g.eventNames.length > 1 ? ` (events: ${g.eventNames.join(", ")})` : ""}
            </Box>
          ),
        },
      ]}
    />
  );
}
