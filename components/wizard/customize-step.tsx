"use client";
import { useRef } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import ProgressBar from "@cloudscape-design/components/progress-bar";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import StatusIndicator from "@cloudscape-design/components/status-indicator";
import { PolicyEditorLazy } from "@/components/policy-editor/policy-editor-lazy";
import type { PolicyEditorHandle } from "@/components/policy-editor/types";
import { fillRemainingPlaceholders, replaceResourceInText, replaceResourceWithList } from "@/lib/console/placeholder-fill";
import type { PolicyAnalysis } from "@/lib/console/policy-analysis-types";

export function CustomizeStep({
  editorKey,
  text,
  onTextChange,
  analysis,
  analyzing,
  analysisError,
  edited,
  stale,
  onReset,
  saveState,
  principalArn,
  unscopedAcknowledged = false,
  onAcknowledgeUnscoped,
}: {
  editorKey: string;
  text: string;
  onTextChange: (t: string) => void;
  analysis: PolicyAnalysis | undefined;
  analyzing: boolean;
  analysisError: string | null;
  edited: boolean;
  /** the actions changed on step 1 after the text was edited */
  stale: boolean;
  onReset: () => void;
  saveState: "saved" | "saving" | "error" | "idle";
  principalArn: string;
  /** the write actions on "*" listed under Problems were acknowledged */
  unscopedAcknowledged?: boolean;
  onAcknowledgeUnscoped?: (yes: boolean) => void;
}) {
  const editor = useRef<PolicyEditorHandle>(null);
  const a = analysis;
  const over = a ? a.length > a.maxLength : false;

  /** Through Monaco (so undo works) once it is mounted; before that, straight into the parent's text. */
  function replaceText(next: string | null) {
    if (next === null) return;
    if (!editor.current?.setText(next)) onTextChange(next);
  }

  function fillRest() {
    const account = /^arn:[^:]*:iam::(\d{12}):/.exec(principalArn)?.[1];
    replaceText(fillRemainingPlaceholders(text, account));
  }

  function fillAll(resource: string, values: string[]) {
    replaceText(replaceResourceWithList(text, resource, values));
  }

  function fill(resource: string, value: string) {
    replaceText(replaceResourceInText(text, resource, value));
  }

  return (
    <SpaceBetween size="l">
      {stale && (
        <Alert
          type="warning"
          header="The actions changed after you edited the policy"
          action={<Button onClick={onReset}>Rebuild from the actions</Button>}
        >
          Your edits are kept, so the actions you added or removed on the previous step are not reflected here. Rebuild to start again from
          the chosen actions (your edits are discarded).
        </Alert>
      )}
      <Container
        header={
          <Header
            variant="h2"
            description="Replace resource placeholders with the ARNs the entity should use; add conditions if needed. Changes are saved as a draft as you type."
            actions={
              <SpaceBetween direction="horizontal" size="xs" alignItems="center">
                <SaveState state={saveState} />
                <Button onClick={onReset} disabled={!edited} data-testid="reset-policy">
                  Reset to generated
                </Button>
              </SpaceBetween>
            }
          >
            Policy editor
          </Header>
        }
      >
        <PolicyEditorLazy key={editorKey} defaultValue={text} onChange={onTextChange} markers={a?.markers ?? []} handleRef={editor} />
      </Container>

      <ColumnLayout columns={2}>
        <Container header={<Header variant="h3">Size</Header>} data-testid="policy-size">
          {a ? (
            <SpaceBetween size="s">
              <ProgressBar
                value={Math.min(100, Math.round((a.length / a.maxLength) * 100))}
                // Over the limit but splittable is not an error: the preview below says what happens.
                status={over && !(a.parts && a.parts.length > 1) ? "error" : "in-progress"}
                label="Characters (white space not counted)"
                additionalInfo={`${a.length.toLocaleString("en")} of ${a.maxLength.toLocaleString("en")} characters`}
                resultText={`${a.length.toLocaleString("en")} of ${a.maxLength.toLocaleString("en")}`}
              />
              {a.parts && a.parts.length > 1 && (
                <Alert
                  type="info"
                  header={`Too long for one managed policy: it will be created as ${a.parts.length} policies`}
                  data-testid="split-preview"
                >
                  <SpaceBetween size="xxs">
                    {a.parts.map((p, i) => (
                      <Box key={i} variant="small">
                        Policy {i + 1}: {p.statements} statements, {p.length.toLocaleString("en")} characters (
                        {p.sids.slice(0, 4).join(", ")}
                        {p.sids.length > 4 ? ", ..." : ""})
                      </Box>
                    ))}
                  </SpaceBetween>
                </Alert>
              )}
            </SpaceBetween>
          ) : (
            <StatusIndicator type="loading">Checking the policy</StatusIndicator>
          )}
        </Container>

        <Container
          header={
            <Header variant="h3" counter={a ? `(${a.markers.length})` : undefined}>
              Problems
            </Header>
          }
          data-testid="policy-problems"
        >
          {analysisError ? (
            <StatusIndicator type="warning">Could not check the policy: {analysisError}</StatusIndicator>
          ) : !a || analyzing ? (
            <StatusIndicator type="loading">Checking the policy</StatusIndicator>
          ) : a.markers.length === 0 ? (
            <StatusIndicator type="success">No problems found</StatusIndicator>
          ) : (
            <SpaceBetween size="s">
              <ProblemList markers={a.markers} />
              {onAcknowledgeUnscoped && a.markers.some((m) => m.code === "UNSCOPED_WRITE") && (
                <Checkbox
                  checked={unscopedAcknowledged}
                  onChange={(e) => onAcknowledgeUnscoped(e.detail.checked)}
                  data-testid="acknowledge-unscoped"
                >
                  I understand that the write actions above may change any resource, and I want them on &quot;*&quot;.
                </Checkbox>
              )}
            </SpaceBetween>
          )}
        </Container>
      </ColumnLayout>

      <Container
        data-testid="placeholders"
        header={
          <Header
            variant="h3"
            counter={a ? `(${a.placeholders.length})` : undefined}
            description="Resources still holding ${...} placeholders. Choose an ARN the entity used to fill one in a click, or type your own in the editor."
            actions={
              a && a.placeholders.length > 0 ? (
                <Button onClick={fillRest} data-testid="fill-rest">
                  Replace the rest with wildcards
                </Button>
              ) : undefined
            }
          >
            Placeholders
          </Header>
        }
      >
        {!a ? null : a.placeholders.length === 0 ? (
          <StatusIndicator type="success">No placeholders left</StatusIndicator>
        ) : (
          <SpaceBetween size="m">
            {a.placeholders.map((p, i) => (
              <ExpandableSection
                key={p.resource}
                defaultExpanded={p.candidates.length > 0 && i < 5}
                headerText={<span style={{ wordBreak: "break-all" }}>{p.resource}</span>}
                headerDescription={`${p.actions.slice(0, 4).join(", ")}${p.actions.length > 4 ? ` and ${p.actions.length - 4} more` : ""}`}
              >
                {p.candidates.length === 0 ? (
                  <Box color="text-body-secondary">No observed resource matches this template. Edit it in the editor.</Box>
                ) : (
                  <SpaceBetween size="xs">
                    <SpaceBetween size="xs" direction="horizontal">
                      {p.candidates.slice(0, 3).map((c) => (
                        <Button key={c} onClick={() => fill(p.resource, c)} ariaLabel={`Fill with ${c}`} data-testid="fill-placeholder">
                          {c}
                        </Button>
                      ))}
                      {p.candidates.length > 1 && (
                        <Button onClick={() => fillAll(p.resource, p.candidates)} data-testid="fill-all-observed">
                          Use all {p.candidates.length} observed
                        </Button>
                      )}
                    </SpaceBetween>
                    {p.candidates.length > 3 && (
                      <Select
                        selectedOption={null}
                        placeholder={`${p.candidates.length - 3} more observed resources`}
                        options={p.candidates.slice(3).map((c) => ({ value: c, label: c }))}
                        onChange={(e) => e.detail.selectedOption.value && fill(p.resource, e.detail.selectedOption.value)}
                        filteringType="auto"
                        ariaLabel={`More observed resources for ${p.resource}`}
                        expandToViewport
                      />
                    )}
                  </SpaceBetween>
                )}
              </ExpandableSection>
            ))}
          </SpaceBetween>
        )}
      </Container>
    </SpaceBetween>
  );
}

function SaveState({ state }: { state: "saved" | "saving" | "error" | "idle" }) {
  if (state === "saving") return <StatusIndicator type="loading">Saving draft</StatusIndicator>;
  if (state === "saved") return <StatusIndicator type="success">Draft saved</StatusIndicator>;
  if (state === "error") return <StatusIndicator type="error">Draft not saved</StatusIndicator>;
  return null;
}

function ProblemList({ markers }: { markers: PolicyAnalysis["markers"] }) {
  // Placeholders get their own panel below; here they are one line, so real problems stay visible.
  const placeholders = markers.filter((m) => m.code === "PLACEHOLDER_LEFT").length;
  const others = markers
    .filter((m) => m.code !== "PLACEHOLDER_LEFT")
    .sort((x, y) => (x.severity === y.severity ? x.start - y.start : x.severity === "error" ? -1 : 1));
  return (
    <SpaceBetween size="xxs">
      {others.slice(0, 20).map((m, i) => (
        <StatusIndicator key={i} type={m.severity === "error" ? "error" : "warning"}>
          {m.message}
        </StatusIndicator>
      ))}
      {others.length > 20 && <Box variant="small">and {others.length - 20} more, marked in the editor</Box>}
      {placeholders > 0 && (
        <StatusIndicator type="warning">
          {placeholders} resource{placeholders === 1 ? " holds" : "s hold"} placeholders to fill (see Placeholders)
        </StatusIndicator>
      )}
    </SpaceBetween>
  );
}
