"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import { refreshCatalogAction } from "@/app/(console)/_actions/catalog/actions";
import { useFlash } from "@/components/shell/flash";
import type { CatalogVersion } from "@/lib/catalog-update/catalog-version";

/** The IAM data in use (AWS's operation map, the IAM catalog) and a refresh from AWS. */
export function CatalogPanel({ version }: { version: CatalogVersion }) {
  const router = useRouter();
  const flash = useFlash();
  const [busy, setBusy] = useState(false);
  const m = version.operationMap;
  async function refresh() {
    setBusy(true);
    const r = await refreshCatalogAction();
    setBusy(false);
    if (!r.ok) flash.push({ type: "error", header: "The IAM data was not refreshed", content: r.error.message, id: "catalog-refresh" });
    else {
      flash.push({
        type: "success",
        header: "Refreshed AWS's operation map",
        content: `${r.data.operations.toLocaleString("en")} operations of ${r.data.services} services. Other worker processes use it after a restart.`,
        id: "catalog-refresh",
      });
      router.refresh();
    }
  }
  return (
    <Container
      data-testid="catalog-panel"
      header={
        <Header
          variant="h2"
          description="Which IAM action each CloudTrail event needs comes from AWS's Service Reference; the bundled snapshot works offline."
          actions={
            <Button onClick={() => void refresh()} loading={busy} data-testid="catalog-refresh">
              Refresh from AWS
            </Button>
          }
        >
          IAM data
        </Header>
      }
    >
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: "Operation map",
            value: (
              <Box data-testid="catalog-operation-map">{`${m.kind === "bundled" ? "Bundled snapshot" : "Refreshed"}: ${m.operations.toLocaleString("en")} operations of ${m.services} services`}</Box>
            ),
          },
          { label: "Taken", value: `${m.date.slice(0, 10)} from ${m.snapshot}${m.commit ? ` @ ${m.commit.slice(0, 12)}` : ""}` },
          { label: "IAM catalog", value: `${version.iamCatalog.package} ${version.iamCatalog.version}` },
        ]}
      />
    </Container>
  );
}
