"use client";
import { useRouter } from "next/navigation";
import { useCollection } from "@cloudscape-design/collection-hooks";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { formatDate } from "./format";

interface Row {
  jobId: string;
  principalArn: string;
  status: string;
  startedOn: string;
  completedOn?: string;
}

/** "arn:aws:iam::1:role/path/name" -> the console page of that role or user. */
function entityLink(arn: string): { href: string; label: string } {
  const resource = arn.split(":").slice(5).join(":");
  const [kind, ...rest] = resource.split("/");
  const name = rest[rest.length - 1] ?? resource;
  return {
    href: `/${kind === "user" ? "users" : "roles"}/${encodeURIComponent(name)}`,
    label: `${kind === "user" ? "User" : "Role"} ${name}`,
  };
}

const STATUS: Record<string, { type: "in-progress" | "success" | "error" | "stopped"; text: string }> = {
  IN_PROGRESS: { type: "in-progress", text: "In progress" },
  SUCCEEDED: { type: "success", text: "Succeeded" },
  FAILED: { type: "error", text: "Failed" },
  CANCELED: { type: "stopped", text: "Canceled" },
};

export function GenerationsTable({ rows, nextToken, isFirstPage }: { rows: Row[]; nextToken: string | null; isFirstPage: boolean }) {
  const router = useRouter();
  const { items, collectionProps, filterProps, filteredItemsCount } = useCollection(rows, {
    filtering: {
      filteringFunction: (r, text) => `${r.principalArn} ${r.status} ${r.jobId}`.toLowerCase().includes(text.toLowerCase()),
      noMatch: <Box textAlign="center">No generation matches.</Box>,
      empty: <Box textAlign="center">No policy was generated in the last 7 days.</Box>,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: "startedOn" }, isDescending: true } },
  });
  return (
    <Table
      {...collectionProps}
      data-testid="generations"
      variant="full-page"
      items={items}
      trackBy="jobId"
      wrapLines
      header={
        <Header
          variant="awsui-h1-sticky"
          counter={`(${rows.length}${nextToken ? "+" : ""})`}
          description="Generations of the last 7 days from the console, the API and the CLI. Results are kept 7 days."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {!isFirstPage && <Button onClick={() => router.push("/generations")}>Newest</Button>}
              {nextToken && <Button onClick={() => router.push(`/generations?next=${encodeURIComponent(nextToken)}`)}>Older</Button>}
            </SpaceBetween>
          }
        >
          Policy generations
        </Header>
      }
      filter={
        <TextFilter
          {...filterProps}
          filteringPlaceholder="Find by principal, status or job ID"
          filteringAriaLabel="Filter generations"
          countText={`${filteredItemsCount ?? 0} matches`}
        />
      }
      columnDefinitions={[
        {
          id: "principal",
          header: "Principal",
          cell: (r) => {
            const l = entityLink(r.principalArn);
            return (
              <SpaceBetween size="xxxs">
                <Link href={l.href} onFollow={(e) => (e.preventDefault(), router.push(l.href))}>
                  {l.label}
                </Link>
                <Box variant="small">{r.principalArn}</Box>
              </SpaceBetween>
            );
          },
        },
        {
          id: "status",
          header: "Status",
          sortingField: "status",
          width: 160,
          cell: (r) => <StatusIndicator type={STATUS[r.status]?.type ?? "info"}>{STATUS[r.status]?.text ?? r.status}</StatusIndicator>,
        },
        { id: "startedOn", header: "Started", sortingField: "startedOn", cell: (r) => formatDate(r.startedOn) },
        { id: "completedOn", header: "Completed", sortingField: "completedOn", cell: (r) => formatDate(r.completedOn) },
        { id: "jobId", header: "Job ID", cell: (r) => <Box variant="small">{r.jobId}</Box> },
      ]}
    />
  );
}
