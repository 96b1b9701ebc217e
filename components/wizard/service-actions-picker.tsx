"use client";
import { useQuery } from "@tanstack/react-query";
import Multiselect from "@cloudscape-design/components/multiselect";
import { fetchJson } from "@/components/console-api/fetch-json";
import { consoleKeys } from "@/components/console-api/queries";
import type { CatalogGroup } from "./wizard-types";

/** A menu of one service's actions from the IAM catalog, grouped by access level. */
export function ServiceActionsPicker({
  service,
  selected,
  onChange,
}: {
  service: string;
  selected: string[];
  onChange: (actions: string[]) => void;
}) {
  const { data, isLoading, error } = useQuery({
    queryKey: consoleKeys.serviceActions(service),
    queryFn: ({ signal }) => fetchJson<CatalogGroup[]>(`/api/console/catalog/${encodeURIComponent(service)}`, { signal }),
    staleTime: Infinity,
  });
  const options = (data ?? []).map((g) => ({
    label: g.accessLevel,
    options: g.actions.map((a) => ({
      value: a.name,
      label: a.name.split(":")[1],
      tags: a.resourceTypes.length ? [a.resourceTypes.join(", ")] : undefined,
    })),
  }));
  const mine = selected.filter((a) => a.toLowerCase().startsWith(`${service.toLowerCase()}:`));
  return (
    <Multiselect
      data-testid={`service-actions-${service}`}
      selectedOptions={mine.map((a) => ({ value: a, label: a.split(":")[1] }))}
      onChange={(e) => onChange(e.detail.selectedOptions.map((o) => o.value!))}
      options={options}
      filteringType="auto"
      placeholder={`Choose ${service} actions`}
      statusType={isLoading ? "loading" : error ? "error" : "finished"}
      loadingText="Loading the IAM catalog"
      errorText={error ? `Could not load the actions: ${error.message}` : undefined}
      empty="This service has no actions in the IAM catalog"
      tokenLimit={4}
      ariaLabel={`Actions of ${service}`}
      expandToViewport
    />
  );
}
