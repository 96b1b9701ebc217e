"use client";
import { useMemo, useState } from "react";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import Header from "@cloudscape-design/components/header";
import SegmentedControl from "@cloudscape-design/components/segmented-control";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { policyAsCode, type CodeFormat, type PolicyCodeInput } from "@/lib/console/policy-as-code";

const LABEL: Record<CodeFormat, string> = { json: "JSON", terraform: "Terraform", cloudformation: "CloudFormation" };

/** The policy as JSON, Terraform or CloudFormation, to copy or download. */
export function PolicyCode({ input, description }: { input: PolicyCodeInput; description?: string }) {
  const [format, setFormat] = useState<CodeFormat>("json");
  const code = useMemo(() => {
    try {
      return policyAsCode(format, input);
    } catch {
      return null;
    }
  }, [format, input]);

  function download() {
    if (!code) return;
    const url = URL.createObjectURL(new Blob([code.text], { type: code.mimeType }));
    const a = document.createElement("a");
    a.href = url;
    a.download = code.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <Container
      data-testid="policy-code"
      header={
        <Header
          variant="h2"
          description={description ?? "Copy or download the policy, or define it in your infrastructure code instead of creating it here."}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <CopyToClipboard
                variant="button"
                textToCopy={code?.text ?? ""}
                copyButtonText={`Copy ${LABEL[format]}`}
                copySuccessText="Copied"
                copyErrorText="Could not copy"
              />
              <Button iconName="download" onClick={download} disabled={!code} data-testid="download-code">
                Download {code?.fileName ?? ""}
              </Button>
            </SpaceBetween>
          }
        >
          Policy as code
        </Header>
      }
    >
      <SpaceBetween size="s">
        <SegmentedControl
          selectedId={format}
          onChange={(e) => setFormat(e.detail.selectedId as CodeFormat)}
          label="Format"
          options={(Object.keys(LABEL) as CodeFormat[]).map((id) => ({ id, text: LABEL[id] }))}
        />
        {code && code.names.length > 1 && (
          <Box variant="small" color="text-body-secondary">
            Too long for one managed policy: split into {code.names.join(", ")}, as Create splits it.
          </Box>
        )}
        {code ? (
          <pre
            data-testid="policy-code-text"
            tabIndex={0}
            role="region"
            aria-label={`The policy as ${LABEL[format]}`}
            style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12, maxHeight: 420, overflow: "auto" }}
          >
            {code.text}
          </pre>
        ) : (
          <Box color="text-status-error">The policy is not valid JSON yet.</Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
