"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { useQueryClient } from "@tanstack/react-query";
import { cancelGenerationAction } from "@/app/(console)/_actions/generation/actions";
import { consoleKeys, useGeneration } from "@/components/console-api/queries";
import { useFlash } from "@/components/shell/flash";
import { ReadSummaryPanel } from "./read-summary-panel";
import { expiresOn, failureAdvice, formatBytes, progressPercent, type GenerationView } from "@/lib/console/generation-view";
import { formatDate, formatDateRange } from "./format";

export function GenerationStatusPanel({
  basePath,
  initial,
  retentionDays,
}: {
  /** "/roles/<name>" or "/users/<name>" */
  basePath: string;
  initial: GenerationView | null;
  retentionDays: number;
}) {
  const router = useRouter();
  return (
    <Container
      data-testid="generation-panel"
      header={
        <Header
          variant="h2"
          description="Leastwise reads this entity's CloudTrail events for a date range of up to 90 days and generates a policy with only the permissions it used."
          actions={
            <Button onClick={() => router.push(`${basePath}/generate`)} data-testid="generate-policy-button">
              Generate policy
            </Button>
          }
        >
          Generate policy based on CloudTrail events
        </Header>
      }
    >
      {initial ? (
        <GenerationDetails basePath={basePath} initial={initial} retentionDays={retentionDays} />
      ) : (
        <Box color="text-body-secondary">
          No policy was generated for this entity in the last {retentionDays} days. Choose Generate policy to analyze its CloudTrail events.
        </Box>
      )}
    </Container>
  );
}

function GenerationDetails({ basePath, initial, retentionDays }: { basePath: string; initial: GenerationView; retentionDays: number }) {
  const router = useRouter();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data, error } = useGeneration(initial.jobId, initial);
  const [canceling, setCanceling] = useState(false);
  const job = data ?? initial;
  const { dismiss } = flash;
  useEffect(() => {
    if (job.status !== "IN_PROGRESS") dismiss("generation-started");
  }, [job.status, dismiss]);

  async function cancel() {
    setCanceling(true);
    const r = await cancelGenerationAction({ jobId: job.jobId });
    setCanceling(false);
    if (!r.ok) flash.push({ type: "error", header: "Could not cancel the generation", content: r.error.message });
    else await queryClient.invalidateQueries({ queryKey: consoleKeys.generation(job.jobId) });
  }

  return (
    <SpaceBetween size="l">
      {error && <Alert type="warning">Could not refresh the status: {error.message}</Alert>}
      <KeyValuePairs
        columns={4}
        items={[
          { label: "Status", value: <StatusLabel status={job.status} />, id: "status" },
          { label: "Date range analyzed", value: job.window ? formatDateRange(job.window.start, job.window.end) : "-" },
          { label: "Started", value: formatDate(job.startedOn) },
          {
            label: job.status === "IN_PROGRESS" ? "Requested by" : "Completed",
            value: job.status === "IN_PROGRESS" ? (job.requestedBy ?? "-") : formatDate(job.completedOn),
          },
          {
            label: "Trails",
            value:
              job.trails
                .map(
                  (t) =>
                    `${t.cloudTrailArn.split(":trail/")[1] ?? t.cloudTrailArn} (${t.allRegions ? "all regions" : (t.regions ?? []).join(", ") || "home region"})`,
                )
                .join("; ") || "-",
          },
          ...(job.status === "SUCCEEDED" ? [{ label: "Available until", value: formatDate(expiresOn(job, retentionDays)) }] : []),
        ]}
      />
      {job.status === "IN_PROGRESS" && <ProgressView job={job} onCancel={cancel} canceling={canceling} />}
      {job.status === "FAILED" && (
        <Alert
          type="error"
          header={`Policy generation failed${job.jobError ? `: ${job.jobError.code}` : ""}`}
          data-testid="generation-failed"
        >
          <SpaceBetween size="xs">
            <span>{job.jobError?.message ?? "No reason was recorded."}</span>
            <span>
              <b>What to do:</b> {failureAdvice(job.jobError?.code ?? "SERVICE_ERROR")}
            </span>
          </SpaceBetween>
        </Alert>
      )}
      {job.status === "CANCELED" && (
        <Alert type="info" header="Policy generation canceled" data-testid="generation-canceled">
          This generation was canceled before it finished; nothing was generated. Choose Generate policy to start again.
        </Alert>
      )}
      {job.status === "SUCCEEDED" && job.readSummary && <ReadSummaryPanel summary={job.readSummary} principal={job.principalArn} />}
      {job.status === "SUCCEEDED" && (
        <Box>
          <Button variant="primary" onClick={() => router.push(`${basePath}/generated-policy`)} data-testid="view-generated-policy">
            View generated policy
          </Button>
        </Box>
      )}
    </SpaceBetween>
  );
}

function StatusLabel({ status }: { status: GenerationView["status"] }) {
  switch (status) {
    case "IN_PROGRESS":
      return <StatusIndicator type="in-progress">In progress</StatusIndicator>;
    case "SUCCEEDED":
      return <StatusIndicator type="success">Success</StatusIndicator>;
    case "FAILED":
      return <StatusIndicator type="error">Failed</StatusIndicator>;
    default:
      return <StatusIndicator type="stopped">Canceled</StatusIndicator>;
  }
}

function ProgressView({ job, onCancel, canceling }: { job: GenerationView; onCancel: () => void; canceling: boolean }) {
  const p = job.progress;
  const pct = progressPercent(p);
  return (
    <SpaceBetween size="s">
      <ProgressBar
        data-testid="generation-progress"
        label="Reading CloudTrail logs"
        value={pct ?? 0}
        description={pct === null ? "Listing the log files of the date range..." : undefined}
        additionalInfo={
          p
            ? `${p.filesRead.toLocaleString("en")} of ${p.filesTotal.toLocaleString("en")} files read, ${formatBytes(p.bytesUncompressed)} · ${p.eventsRead.toLocaleString("en")} events read, ${p.eventsMatched.toLocaleString("en")} by this entity${p.filesSkipped ? ` · ${p.filesSkipped} files skipped` : ""}`
            : "Waiting for a worker..."
        }
      />
      <Box>
        <Button onClick={onCancel} loading={canceling} data-testid="cancel-generation">
          Cancel generation
        </Button>
      </Box>
    </SpaceBetween>
  );
}
