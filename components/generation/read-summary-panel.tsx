"use client";
// "What was read" for a finished generation, and the unmistakable marking of a result that holds
// no event of the principal (an empty policy is never "this principal needs nothing" unless the
// logs say so). Shown on the entity page and in the wizard.
import Alert from "@cloudscape-design/components/alert";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import type { ReadSummary } from "@/lib/core/read-summary";

const n = (v: number) => v.toLocaleString("en-US");
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;

export function EmptyResultAlert({ summary, principal }: { summary: ReadSummary; principal: string }) {
  if (!summary.noPrincipalEvents && !summary.emptyPolicy) return null;
  return (
    <Alert
      type="warning"
      header={
        summary.noPrincipalEvents
          ? `No event of ${principal} was found: the policy is empty because nothing was seen`
          : "The generated policy grants nothing"
      }
      data-testid="empty-result"
    >
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {summary.likelyCauses.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </Alert>
  );
}

export function ReadSummaryPanel({ summary, principal }: { summary: ReadSummary; principal: string }) {
  return (
    <SpaceBetween size="s">
      <EmptyResultAlert summary={summary} principal={principal} />
      <ExpandableSection
        headerText="What was read"
        defaultExpanded={summary.noPrincipalEvents || summary.skipped.length > 0}
        data-testid="read-summary"
      >
        <SpaceBetween size="s">
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: "Log files read",
                value: `${n(summary.filesRead)} of ${n(summary.filesListed)}${summary.filesSkipped ? ` (${n(summary.filesSkipped)} skipped)` : ""}`,
              },
              { label: "Data read", value: `${mb(summary.bytesCompressed)} compressed, ${mb(summary.bytesUncompressed)} uncompressed` },
              { label: "Events", value: `${n(summary.eventsRead)} read, ${n(summary.eventsOfPrincipal)} of the principal` },
              ...summary.trails.map((t) => ({
                label: `Layout of ${t.cloudTrailArn.split(":trail/")[1] ?? t.cloudTrailArn}`,
                value:
                  t.layout === "organization"
                    ? `Organization trail: AWSLogs/${t.orgId ?? "(no organization folder found)"}/<account>/ in ${t.location}${t.orgIdFrom === "bucket" ? " (organization ID found in the bucket)" : t.orgIdFrom === "registry" ? " (organization ID from the trail registry)" : ""}`
                    : `Account trail: AWSLogs/<account>/ in ${t.location}`,
              })),
            ]}
          />
          {summary.skipped.length > 0 && (
            <Alert type="info" header="Skipped files and other findings" data-testid="read-warnings">
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {summary.skipped.map((s) => (
                  <li key={s.code}>
                    {s.code} x{n(s.count)}
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {(s.examples ?? [s.example]).map((e) => (
                        <li key={e} style={{ wordBreak: "break-all" }}>
                          {e}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </SpaceBetween>
      </ExpandableSection>
    </SpaceBetween>
  );
}
