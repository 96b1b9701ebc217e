"use client";
import AttributeEditor from "@cloudscape-design/components/attribute-editor";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import Textarea from "@cloudscape-design/components/textarea";
import type { PolicyAnalysis } from "@/lib/console/policy-analysis-types";
import { tagProblems } from "@/lib/console/tag-rules";
import { BreakableId } from "./breakable-id";

export interface CreateFormState {
  name: string;
  description: string;
  tags: { key: string; value: string }[];
  attach: boolean;
}

export function ReviewCreateStep({
  entityName,
  entityKind,
  form,
  onChange,
  errors,
  analysis,
  isAdmin,
}: {
  entityName: string;
  entityKind: "role" | "user";
  form: CreateFormState;
  onChange: (f: CreateFormState) => void;
  errors: Record<string, string>;
  analysis: PolicyAnalysis | undefined;
  isAdmin: boolean;
}) {
  const parts = analysis?.parts?.length ?? 1;
  // IAM's tag rules, checked as you type (the server checks again).
  const problems = tagProblems(form.tags);
  const problemOf = (i: number, field: "key" | "value") => problems.find((p) => p.index === i && p.field === field)?.message;
  return (
    <SpaceBetween size="l">
      {!isAdmin && (
        <Alert type="info" header="Only administrators can create and attach policies">
          You can review the policy and copy it from the previous step. Ask an administrator to create it; your draft is saved and they will
          see it here.
        </Alert>
      )}
      <Container header={<Header variant="h2">Policy details</Header>}>
        <SpaceBetween size="l">
          <FormField
            label="Name"
            errorText={errors.name}
            constraintText={
              parts > 1
                ? `Up to 128 characters: letters, digits and + = , . @ _ -. The ${parts} policies are named ${form.name || "name"}-1 to ${form.name || "name"}-${parts}.`
                : "Up to 128 characters: letters, digits and + = , . @ _ -"
            }
          >
            <Input
              value={form.name}
              onChange={(e) => onChange({ ...form, name: e.detail.value })}
              ariaLabel="Policy name"
              data-testid="policy-name"
              invalid={!!errors.name}
            />
          </FormField>
          <FormField label="Description - optional" errorText={errors.description} constraintText="Up to 1,000 characters.">
            <Textarea
              value={form.description}
              onChange={(e) => onChange({ ...form, description: e.detail.value })}
              ariaLabel="Policy description"
              rows={2}
            />
          </FormField>
          <FormField label="Tags - optional" errorText={errors.tags} description="Key-value pairs to find and organize the policy.">
            <AttributeEditor
              items={form.tags}
              onAddButtonClick={() => onChange({ ...form, tags: [...form.tags, { key: "", value: "" }] })}
              onRemoveButtonClick={(e) => onChange({ ...form, tags: form.tags.filter((_, i) => i !== e.detail.itemIndex) })}
              addButtonText="Add tag"
              removeButtonText="Remove"
              empty="No tags"
              definition={[
                {
                  label: "Key",
                  errorText: (_item, i) => problemOf(i, "key"),
                  control: (item, i) => (
                    <Input
                      value={item.key}
                      ariaLabel={`Tag key ${i + 1}`}
                      onChange={(e) => onChange({ ...form, tags: form.tags.map((t, j) => (j === i ? { ...t, key: e.detail.value } : t)) })}
                    />
                  ),
                },
                {
                  label: "Value",
                  errorText: (_item, i) => problemOf(i, "value"),
                  control: (item, i) => (
                    <Input
                      value={item.value}
                      ariaLabel={`Tag value ${i + 1}`}
                      onChange={(e) =>
                        onChange({ ...form, tags: form.tags.map((t, j) => (j === i ? { ...t, value: e.detail.value } : t)) })
                      }
                    />
                  ),
                },
              ]}
            />
          </FormField>
          <FormField errorText={errors.attach}>
            <Checkbox checked={form.attach} onChange={(e) => onChange({ ...form, attach: e.detail.checked })} data-testid="attach-checkbox">
              Attach policy to {entityName}
            </Checkbox>
            <Box variant="small" color="text-body-secondary">
              After creating, the next page offers to replace the {entityKind}&apos;s broader policies in one confirmed step (with Undo).
            </Box>
          </FormField>
        </SpaceBetween>
      </Container>
      <Table
        data-testid="policy-summary"
        resizableColumns
        variant="container"
        header={<Header description="What the policy allows, by service and access level.">Summary</Header>}
        items={analysis?.summary ?? []}
        loading={!analysis}
        loadingText="Summarizing the policy"
        wrapLines
        empty={<Box textAlign="center">The policy allows nothing.</Box>}
        columnDefinitions={[
          { id: "service", header: "Service", cell: (r) => r.service, width: 150 },
          {
            id: "level",
            header: "Access level",
            cell: (r) => `${r.accessLevel}: ${r.actions.length} action${r.actions.length === 1 ? "" : "s"}`,
            width: 190,
          },
          {
            id: "resources",
            header: "Resources",
            cell: (r) =>
              r.resources.map((res, i) => (
                <div key={i}>
                  <BreakableId text={res} />
                </div>
              )),
            minWidth: 380,
          },
          { id: "conditions", header: "Request conditions", cell: (r) => r.conditions.join(", ") || "None", width: 170 },
        ]}
      />
    </SpaceBetween>
  );
}
