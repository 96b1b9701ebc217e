"use client";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import Header from "@cloudscape-design/components/header";
import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { formatDate } from "@/components/generation/format";
import type { PassRoleSuggestion } from "@/lib/core/types";
import { BreakableId } from "./breakable-id";
import { pageLabels } from "./page-labels";

/** Suggested iam:PassRole, filtered and paged like the actions table. */
export function PassRoleTable({
  passRoles,
  accepted,
  onAccept,
}: {
  passRoles: PassRoleSuggestion[];
  accepted: string[];
  onAccept: (roleArn: string, on: boolean) => void;
}) {
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(passRoles, {
    filtering: {
      empty: <Box textAlign="center">No call handed a role to a service.</Box>,
      noMatch: <Box textAlign="center">No suggestion matches the filter.</Box>,
      filteringFunction: (p, text) => [p.roleArn, p.viaActions.join(" ")].some((s) => s.toLowerCase().includes(text.toLowerCase())),
    },
    sorting: { defaultState: { sortingColumn: { sortingField: "roleArn" } } },
    pagination: { pageSize: 25 },
  });
  return (
    <Table
      {...collectionProps}
      data-testid="passrole-suggestions"
      resizableColumns
      variant="container"
      items={items}
      trackBy="roleArn"
      wrapLines
      header={
        <Header
          counter={`(${passRoles.length})`}
          description="CloudTrail never logs iam:PassRole. These calls handed a role to a service, so the entity probably needs to pass that role. Allow each one you expect."
        >
          Suggested: iam:PassRole
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find roles"
          filteringAriaLabel="Filter iam:PassRole suggestions"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={<Pagination {...paginationProps} ariaLabels={pageLabels} />}
      columnDefinitions={[
        {
          id: "accept",
          header: "Allow",
          width: 80,
          cell: (p) => (
            <Checkbox
              // An instance profile is not a role: iam:PassRole on it grants nothing.
              disabled={p.kind === "instance-profile"}
              checked={accepted.includes(p.roleArn)}
              onChange={(e) => onAccept(p.roleArn, e.detail.checked)}
              ariaLabel={`Allow iam:PassRole on ${p.roleArn}`}
            />
          ),
        },
        {
          id: "role",
          header: "Role",
          sortingField: "roleArn",
          width: 300,
          cell: (p) =>
            p.kind === "instance-profile" ? (
              <>
                <BreakableId text={p.roleArn} />
                <Box variant="small" color="text-body-secondary">
                  Instance profile: allow iam:PassRole on the role inside it (add it in the editor)
                </Box>
              </>
            ) : (
              <BreakableId text={p.roleArn} />
            ),
        },
        {
          id: "via",
          header: "Passed by",
          cell: (p) =>
            p.viaActions.map((a, i) => (
              <div key={i}>
                <BreakableId text={a} />
              </div>
            )),
          width: 190,
        },
        { id: "calls", header: "Calls", sortingField: "calls", cell: (p) => p.calls.toLocaleString("en"), width: 100 },
        { id: "last", header: "Last seen", sortingField: "lastSeen", cell: (p) => formatDate(p.lastSeen), width: 170 },
      ]}
    />
  );
}
