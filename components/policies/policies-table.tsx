"use client";
import { useRouter } from "next/navigation";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { formatDate } from "@/components/generation/format";
import type { ManagedPolicySummary } from "@/lib/iam/list-policies";
import { BreakableId, BreakableText } from "@/components/wizard/breakable-id";

export function PoliciesTable({ policies, truncated }: { policies: ManagedPolicySummary[]; truncated: boolean }) {
  const router = useRouter();
  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount } = useCollection(policies, {
    filtering: {
      filteringFunction: (p, t) => `${p.name} ${p.path} ${p.description ?? ""}`.toLowerCase().includes(t.toLowerCase()),
      empty: <Box textAlign="center">No customer managed policies.</Box>,
      noMatch: <Box textAlign="center">No policy matches.</Box>,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: "name" } } },
    pagination: { pageSize: 25 },
  });
  return (
    <Table
      {...collectionProps}
      data-testid="policies"
      variant="full-page"
      items={items}
      trackBy="arn"
      wrapLines
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${policies.length}${truncated ? "+" : ""})`}
          description="Customer managed policies in the account, including the ones created from generated policies."
        >
          Policies
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find policies"
          filteringAriaLabel="Filter policies"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      pagination={
        <Pagination
          {...paginationProps}
          ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }}
        />
      }
      columnDefinitions={[
        {
          id: "name",
          header: "Policy name",
          sortingField: "name",
          cell: (p) => (
            <Link
              href={`/policies/${encodeURIComponent(p.name)}`}
              onFollow={(e) => {
                e.preventDefault();
                router.push(`/policies/${encodeURIComponent(p.name)}`);
              }}
            >
              <BreakableId text={p.name} />
            </Link>
          ),
        },
        { id: "path", header: "Path", cell: (p) => <BreakableId text={p.path} />, sortingField: "path" },
        { id: "attached", header: "Attached entities", cell: (p) => p.attachmentCount, sortingField: "attachmentCount" },
        { id: "updated", header: "Last edited", cell: (p) => formatDate(p.updatedAt), sortingField: "updatedAt" },
        { id: "description", header: "Description", cell: (p) => (p.description ? <BreakableText text={p.description} /> : "-") },
      ]}
    />
  );
}
