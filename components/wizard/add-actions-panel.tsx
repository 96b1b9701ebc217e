"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { fetchJson } from "@/components/console-api/fetch-json";
import { ServiceActionsPicker } from "./service-actions-picker";

/** Add actions of any service from the IAM catalog (beyond the services the entity was seen using). */
export function AddActionsPanel({ selected, onChange }: { selected: string[]; onChange: (actions: string[]) => void }) {
  const [service, setService] = useState<string | null>(null);
  const { data, isLoading } = useQuery({
    queryKey: ["catalog-services"],
    queryFn: ({ signal }) => fetchJson<{ prefix: string; name: string }[]>("/api/console/catalog", { signal }),
    staleTime: Infinity,
  });
  return (
    <Container
      data-testid="add-actions"
      header={
        <Header
          variant="h2"
          description="Actions the entity will need but did not use in the date range. Added actions show in the table above with an Added badge."
        >
          Add actions
        </Header>
      }
    >
      <SpaceBetween size="m" direction="horizontal">
        <FormField label="Service">
          <div style={{ minWidth: 280 }}>
            <Select
              selectedOption={service ? { value: service, label: service } : null}
              onChange={(e) => setService(e.detail.selectedOption.value ?? null)}
              options={(data ?? []).map((s) => ({ value: s.prefix, label: s.prefix, description: s.name }))}
              filteringType="auto"
              placeholder="Choose a service"
              statusType={isLoading ? "loading" : "finished"}
              loadingText="Loading the IAM catalog"
              ariaLabel="Service to add actions from"
              expandToViewport
              virtualScroll
            />
          </div>
        </FormField>
        {service && (
          <FormField label="Actions">
            <div style={{ minWidth: 360 }}>
              <ServiceActionsPicker
                service={service}
                selected={selected}
                onChange={(picked) => {
                  const others = selected.filter((a) => !a.toLowerCase().startsWith(`${service.toLowerCase()}:`));
                  onChange([...new Set([...others, ...picked])].sort());
                }}
              />
            </div>
          </FormField>
        )}
      </SpaceBetween>
    </Container>
  );
}
