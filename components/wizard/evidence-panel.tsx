"use client";
import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { formatDate } from "@/components/generation/format";
import { activityMarks, MARK_LABEL } from "@/lib/console/activity-marks";
import type { ActionEvidence } from "@/lib/core/types";
import { BreakableId } from "./breakable-id";

/** One action's evidence, shown in the layout's split panel (wide enough for ARNs and event IDs). */
export function EvidencePanel({ ev, window }: { ev: ActionEvidence; window: { start: string; end: string } }) {
  const marks = activityMarks(ev, window);
  return (
    <SpaceBetween size="l">
      <KeyValuePairs
        columns={4}
        items={[
          { label: "Calls", value: ev.calls.toLocaleString("en") },
          { label: "First seen", value: formatDate(ev.firstSeen) },
          { label: "Last seen", value: formatDate(ev.lastSeen) },
          { label: "Window coverage", value: marks.length ? marks.map((m) => MARK_LABEL[m]).join("; ") : "Seen over several days" },
          { label: "Regions", value: ev.regions.join(", ") || "-" },
          { label: "Event names", value: ev.eventNames.join(", ") || "-" },
          { label: "Access level", value: ev.accessLevel ?? "-" },
          { label: "Made by services", value: ev.invokedBy?.join(", ") || (ev.dataEventsOnly ? "Data events only" : "The entity itself") },
        ]}
      />
      <ColumnLayout columns={2} variant="text-grid">
        <div>
          <Box variant="awsui-key-label">Observed resources ({ev.resourceArns.length})</Box>
          {ev.resourceArns.length === 0 ? (
            <Box color="text-body-secondary">
              None named in the calls{ev.unscopedCalls ? ` (${ev.unscopedCalls} calls named no resource)` : ""}.
            </Box>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="evidence-resources">
              {ev.resourceArns.map((arn) => (
                <li key={arn}>
                  <BreakableId text={arn} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <Box variant="awsui-key-label">Sample event IDs</Box>
          {ev.sampleEventIds.length === 0 ? (
            "-"
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18, fontFamily: "monospace", fontSize: 12 }}>
              {ev.sampleEventIds.map((id) => (
                <li key={id}>{id}</li>
              ))}
            </ul>
          )}
        </div>
      </ColumnLayout>
    </SpaceBetween>
  );
}
