"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Box from "@cloudscape-design/components/box";
import Header from "@cloudscape-design/components/header";
import Link from "@cloudscape-design/components/link";
import Pagination from "@cloudscape-design/components/pagination";
import Table from "@cloudscape-design/components/table";
import TextFilter from "@cloudscape-design/components/text-filter";
import { fetchJson } from "@/components/console-api/fetch-json";
import { formatDate } from "@/components/generation/format";
import type { EntityPage, EntitySummary } from "@/lib/iam/types";
import { BreakableId, NoBreak } from "@/components/wizard/breakable-id";
import { useDebounced } from "@/components/wizard/use-debounced";

const PAGE_SIZE = 25;

/**
 * Roles or users, paged against IAM with its markers (accounts can hold thousands), filtered by name
 * on the server. The pager is open-ended: IAM does not say how many there are.
 */
export function EntityList({ kind, initial }: { kind: "role" | "user"; initial?: EntityPage }) {
  const router = useRouter();
  const [filter, setFilter] = useState("");
  const debounced = useDebounced(filter.trim(), 300);
  // markers[i] starts page i+1; page 1 has no marker
  const [markers, setMarkers] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState(1);
  const base = kind === "role" ? "/roles" : "/users";
  const marker = markers[page - 1];

  const { data, isFetching, error } = useQuery({
    queryKey: ["entities", kind, debounced, marker ?? ""],
    queryFn: ({ signal }) => {
      const qs = new URLSearchParams({ kind, pageSize: String(PAGE_SIZE) });
      if (debounced) qs.set("filter", debounced);
      if (marker) qs.set("marker", marker);
      return fetchJson<EntityPage>(`/api/console/entities?${qs}`, { signal });
    },
    placeholderData: keepPreviousData,
    // The first page comes rendered from the server: rows are there at first paint.
    initialData: !debounced && !marker ? initial : undefined,
    staleTime: !debounced && !marker && initial ? 30_000 : 0,
  });

  const hasNext = !!data?.marker;
  const label = kind === "role" ? "Roles" : "Users";
  return (
    <Table
      data-testid={`${kind}-list`}
      variant="full-page"
      loading={isFetching && !data}
      loadingText={`Loading ${label.toLowerCase()}`}
      items={data?.items ?? []}
      trackBy="arn"
      // Long paths and ARNs wrap instead of pushing the last columns off screen.
      wrapLines
      header={
        <Header
          variant="awsui-h1-sticky"
          description={
            kind === "role"
              ? "IAM roles in the account. Choose a role to see its permissions and generate a least-privilege policy from its activity."
              : "IAM users in the account. Choose a user to see its permissions and generate a least-privilege policy from its activity."
          }
        >
          {label}
        </Header>
      }
      filter={
        <TextFilter
          filteringText={filter}
          onChange={(e) => {
            setFilter(e.detail.filteringText);
            setMarkers([undefined]);
            setPage(1);
          }}
          filteringPlaceholder={`Find ${label.toLowerCase()} by name`}
          filteringAriaLabel={`Filter ${label.toLowerCase()}`}
        />
      }
      pagination={
        <Pagination
          currentPageIndex={page}
          pagesCount={hasNext ? page + 1 : page}
          openEnd={hasNext}
          disabled={isFetching}
          ariaLabels={{ nextPageLabel: "Next page", previousPageLabel: "Previous page", pageLabel: (n) => `Page ${n}` }}
          onChange={(e) => {
            const next = e.detail.currentPageIndex;
            if (next > page && data?.marker && markers.length <= page) setMarkers([...markers, data.marker]);
            setPage(next);
          }}
          onNextPageClick={() => {
            if (data?.marker && markers.length <= page) setMarkers([...markers, data.marker]);
          }}
        />
      }
      empty={
        <Box textAlign="center" color="inherit">
          {error
            ? `Could not list ${label.toLowerCase()}: ${error.message}`
            : debounced
              ? `No ${kind} name contains "${debounced}".`
              : `No ${label.toLowerCase()}.`}
        </Box>
      }
      columnDefinitions={[
        {
          id: "name",
          header: `${kind === "role" ? "Role" : "User"} name`,
          cell: (e) => (
            <Link
              href={`${base}/${encodeURIComponent(e.name)}`}
              onFollow={(ev) => {
                ev.preventDefault();
                router.push(`${base}/${encodeURIComponent(e.name)}`);
              }}
            >
              <BreakableId text={e.name} />
            </Link>
          ),
        },
        ...(kind === "role"
          ? [
              {
                id: "trusted",
                header: "Trusted entities",
                cell: (e: EntitySummary) =>
                  e.trustedEntities?.length
                    ? e.trustedEntities.map((t, i) => (
                        <div key={i}>
                          <BreakableId text={t} />
                        </div>
                      ))
                    : "-",
              },
            ]
          : []),
        { id: "path", header: "Path", cell: (e) => <BreakableId text={e.path} /> },
        { id: "created", header: "Created", cell: (e) => formatDate(e.createdAt) },
        {
          id: "activity",
          header: kind === "role" ? "Last activity" : "Console last sign-in",
          cell: (e) =>
            e.lastActivity ? (
              <>
                {formatDate(e.lastActivity.date)}
                {e.lastActivity.region && (
                  <>
                    {" "}
                    <NoBreak>({e.lastActivity.region})</NoBreak>
                  </>
                )}
              </>
            ) : (
              "-"
            ),
        },
        // The ARN is on the entity page (as in the IAM console's lists); users have no trust column.
        ...(kind === "user"
          ? [
              {
                id: "arn",
                header: "ARN",
                cell: (e: EntitySummary) => (
                  <Box variant="small">
                    <BreakableId text={e.arn} />
                  </Box>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
