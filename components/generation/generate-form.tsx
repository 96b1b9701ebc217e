"use client";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import DateRangePicker, { type DateRangePickerProps } from "@cloudscape-design/components/date-range-picker";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Header from "@cloudscape-design/components/header";
import Input from "@cloudscape-design/components/input";
import Link from "@cloudscape-design/components/link";
import Modal from "@cloudscape-design/components/modal";
import Multiselect from "@cloudscape-design/components/multiselect";
import RadioGroup from "@cloudscape-design/components/radio-group";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import { startGenerationAction } from "@/app/(console)/_actions/generation/actions";
import { useFlash } from "@/components/shell/flash";
import { useConsoleUser } from "@/components/shell/console-user";
import { AWS_REGIONS } from "@/lib/console/aws-regions";
import { dateRangeProblem, resolveDateRange, type DateRangeValue } from "@/lib/console/date-range";
import type { GenerateFormInput, ServiceRoleOption, TrailOption } from "./generate-types";
import { preselectedServiceRole } from "./generate-types";

const RELATIVE: DateRangePickerProps.RelativeOption[] = [
  { key: "7d", amount: 7, unit: "day", type: "relative" },
  { key: "30d", amount: 30, unit: "day", type: "relative" },
  { key: "60d", amount: 60, unit: "day", type: "relative" },
  { key: "90d", amount: 90, unit: "day", type: "relative" },
];

export function GenerateForm(props: {
  entityName: string;
  principalArn: string;
  principalAccountId: string;
  basePath: string;
  serviceRoles: ServiceRoleOption[];
  trails: TrailOption[];
  /** why the account's trails could not be listed */
  trailsProblem: string | null;
  accountMode: "local" | "aws";
  hasExistingPolicy: boolean;
  maxDays: number;
  /** a random role-name suffix chosen on the server (the same on the client: no hydration mismatch) */
  suggestedSuffix: string;
}) {
  const router = useRouter();
  const flash = useFlash();
  const user = useConsoleUser();
  const isAdmin = user.role === "admin";
  const [range, setRange] = useState<DateRangePickerProps.Value | null>({ type: "relative", amount: 30, unit: "day", key: "30d" });
  const [roleMode, setRoleMode] = useState<"existing" | "create">(props.serviceRoles.length > 0 || !isAdmin ? "existing" : "create");
  const [roleArn, setRoleArn] = useState<string | null>(preselectedServiceRole(props.serviceRoles));
  const [suffix, setSuffix] = useState(props.suggestedSuffix);
  const [trailArn, setTrailArn] = useState<string | null>(props.trails[0]?.arn ?? null);
  const [allRegions, setAllRegions] = useState(true);
  const [regions, setRegions] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const trail = props.trails.find((t) => t.arn === trailArn) ?? null;
  const crossAccount = trail?.bucketAccountId && trail.bucketAccountId !== props.principalAccountId;
  const rangeValue = range as DateRangeValue | null;
  const rangeProblem = useMemo(() => dateRangeProblem(rangeValue, props.maxDays), [rangeValue, props.maxDays]);

  function validate(): GenerateFormInput | null {
    const e: Record<string, string> = {};
    if (rangeProblem) e.range = rangeProblem;
    if (!trail) e.trail = "Choose the trail that logs this account's events.";
    if (!allRegions && regions.length === 0) e.regions = "Choose at least one region, or analyze all regions.";
    if (roleMode === "existing" && !roleArn) e.role = "Choose a service role, or create a new one.";
    if (roleMode === "create" && !/^[\w+=,.@-]{1,30}$/.test(suffix))
      e.role = "Use up to 30 letters, digits or + = , . @ _ - for the role name suffix.";
    setErrors(e);
    if (Object.keys(e).length > 0 || !trail || !rangeValue) return null;
    const { start, end } = resolveDateRange(rangeValue);
    return {
      principalArn: props.principalArn,
      startTime: start.toISOString(),
      endTime: end.toISOString(),
      trail: { cloudTrailArn: trail.arn, allRegions, regions: allRegions ? [] : regions },
      accessRole: roleMode === "existing" ? { kind: "existing", roleArn: roleArn! } : { kind: "create", suffix },
    };
  }

  async function submit(confirmed: boolean) {
    const input = validate();
    if (!input) return;
    if (props.hasExistingPolicy && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setSubmitting(true);
    setFormError(null);
    const r = await startGenerationAction(input);
    setSubmitting(false);
    if (!r.ok) {
      const field = r.error.field ?? "";
      const key = /time|range|window/i.test(field) ? "range" : /trail/i.test(field) ? "trail" : /role/i.test(field) ? "role" : null;
      if (key) setErrors({ [key]: r.error.message });
      else setFormError(r.error.message);
      return;
    }
    flash.push({
      type: "success",
      id: "generation-started",
      header: "Policy generation started",
      content: `Leastwise is analyzing the CloudTrail events of ${props.entityName}. The progress shows below; you can leave this page.`,
    });
    router.push(props.basePath);
    router.refresh();
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <Form
        header={
          <Header
            variant="h1"
            description={`Analyze the CloudTrail events of ${props.entityName} and generate a policy with only the permissions it used.`}
          >
            Generate policy
          </Header>
        }
        errorText={formError}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={() => router.push(props.basePath)}>
              Cancel
            </Button>
            <Button variant="primary" loading={submitting} data-testid="start-generation">
              Generate policy
            </Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <Container
            header={
              <Header variant="h2" description="Shorter ranges generate faster. At most 90 days.">
                Time period
              </Header>
            }
          >
            <FormField label="Date range" errorText={errors.range ?? rangeProblem ?? undefined} stretch>
              <DateRangePicker
                value={range}
                onChange={(e) => setRange(e.detail.value)}
                relativeOptions={RELATIVE}
                rangeSelectorMode="default"
                placeholder="Choose a date range"
                isValidRange={(v) => {
                  const problem = dateRangeProblem(v as DateRangeValue | null, props.maxDays);
                  return problem ? { valid: false, errorMessage: problem } : { valid: true };
                }}
                isDateEnabled={(d) => d.getTime() <= Date.now()}
                dateOnly
                expandToViewport
                i18nStrings={{ ariaLabel: "Date range", relativeRangeSelectionHeading: "Choose a range" }}
              />
            </FormField>
          </Container>

          <Container
            header={
              <Header variant="h2" description="The service role gives Leastwise read access to the trail and its logs, as in AWS.">
                CloudTrail access
              </Header>
            }
          >
            <SpaceBetween size="m">
              <RadioGroup
                value={roleMode}
                onChange={(e) => setRoleMode(e.detail.value as "existing" | "create")}
                items={[
                  { value: "existing", label: "Use an existing service role", disabled: props.serviceRoles.length === 0 },
                  {
                    value: "create",
                    label: "Create and use a new service role",
                    description: isAdmin
                      ? "Creates service-role/AccessAnalyzerMonitorServiceRole_<suffix> with the trust and permissions policies of the AWS documentation."
                      : "Only administrators can create roles.",
                    disabled: !isAdmin,
                  },
                ]}
              />
              {roleMode === "existing" ? (
                <FormField label="Service role" errorText={errors.role} description="Roles that trust access-analyzer.amazonaws.com.">
                  <Select
                    selectedOption={roleArn ? { value: roleArn, label: props.serviceRoles.find((r) => r.arn === roleArn)?.name } : null}
                    onChange={(e) => setRoleArn(e.detail.selectedOption.value ?? null)}
                    options={props.serviceRoles.map((r) => ({
                      value: r.arn,
                      label: r.name,
                      description: r.trustsLeastwise === false ? `${r.arn} - its trust policy does not let Leastwise assume it` : r.arn,
                      ...(r.trustsLeastwise === false ? { tags: ["Leastwise cannot assume it"] } : {}),
                    }))}
                    placeholder="Choose a service role"
                    empty="No suitable service role exists yet"
                  />
                </FormField>
              ) : (
                <FormField label="Role name" errorText={errors.role} description="The role is created when you choose Generate policy.">
                  <Input value={suffix} onChange={(e) => setSuffix(e.detail.value)} ariaLabel="Role name suffix" />
                  <Box variant="small" color="text-body-secondary">
                    service-role/AccessAnalyzerMonitorServiceRole_{suffix}
                  </Box>
                </FormField>
              )}
              {roleMode === "existing" && props.serviceRoles.find((r) => r.arn === roleArn)?.trustsLeastwise === false && (
                <Alert type="warning" header="Leastwise cannot assume this role" data-testid="untrusted-role">
                  Its trust policy allows access-analyzer.amazonaws.com but not the identity Leastwise runs as, so the generation would fail
                  with AUTHORIZATION_ERROR. Add a statement for Leastwise&apos;s principal to the trust policy, or create a new service
                  role.
                </Alert>
              )}
              {props.serviceRoles.length === 0 && !isAdmin && (
                <Alert type="warning">No suitable service role exists. Ask an administrator to generate once, or to create the role.</Alert>
              )}
            </SpaceBetween>
          </Container>

          <Container
            header={
              <Header variant="h2" description="The trail that logs this account's events.">
                CloudTrail trail to be analyzed
              </Header>
            }
          >
            <SpaceBetween size="m">
              <FormField label="Trail" errorText={errors.trail}>
                <Select
                  selectedOption={trail ? { value: trail.arn, label: trail.name } : null}
                  onChange={(e) => setTrailArn(e.detail.selectedOption.value ?? null)}
                  options={props.trails.map((t) => ({ value: t.arn, label: t.name, description: t.location, tags: [t.homeRegion] }))}
                  placeholder="Choose a trail"
                  empty="No trails"
                />
              </FormField>
              {props.trailsProblem && (
                <Alert type="error" header="The account's trails could not be listed" data-testid="trails-problem">
                  {props.trailsProblem}
                </Alert>
              )}
              {props.trails.length === 0 && !props.trailsProblem && (
                <Alert type="warning" header="No trail is known">
                  {props.accountMode === "aws" ? (
                    "CloudTrail lists no trail in this account. Create a trail that logs to S3 in CloudTrail (or use the organization's trail), or register where the logs are on the Trails page."
                  ) : isAdmin ? (
                    <>
                      Register where the logs are on the <Link href="/trails">Trails page</Link>, then come back.
                    </>
                  ) : (
                    "Ask an administrator to register the trail on the Trails page."
                  )}
                </Alert>
              )}
              {trail?.organizationTrail && (
                <Alert type="info" header="An organization trail" data-testid="organization-trail-note">
                  The logs of account {props.principalAccountId} are read under AWSLogs/{trail.orgId ?? "<organization ID>"}/
                  {props.principalAccountId}/
                  {trail.orgId ? "" : "; the organization ID is found in the trail's bucket when the generation runs"}. The entity page
                  shows which layout was read.
                </Alert>
              )}
              {crossAccount && (
                <Alert type="info" header="The trail's logs are in another account" data-testid="cross-account-note">
                  The bucket of this trail belongs to account {trail?.bucketAccountId}. Cross-account access needs more setup: the bucket
                  policy in that account must allow the service role to list the bucket and read the objects (s3:ListBucket, s3:GetObject),
                  the bucket owner must own the log objects, and a KMS key encrypting the logs must allow kms:Decrypt.
                </Alert>
              )}
              <Checkbox checked={allRegions} onChange={(e) => setAllRegions(e.detail.checked)}>
                Analyze all regions
              </Checkbox>
              {!allRegions && (
                <FormField
                  label="Regions"
                  errorText={errors.regions}
                  description="us-east-1 is always read too: global services such as IAM log there."
                >
                  <Multiselect
                    selectedOptions={regions.map((r) => ({ value: r, label: r }))}
                    onChange={(e) => setRegions(e.detail.selectedOptions.map((o) => o.value!))}
                    options={AWS_REGIONS.map((r) => ({ value: r, label: r }))}
                    placeholder="Choose regions"
                    filteringType="auto"
                  />
                </FormField>
              )}
            </SpaceBetween>
          </Container>
        </SpaceBetween>
      </Form>
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header="Replace the generated policy?"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setConfirming(false)}>
                Keep the current one
              </Button>
              <Button variant="primary" onClick={() => void submit(true)} data-testid="confirm-replace">
                Generate a new policy
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        {props.entityName} already has a generated policy. A new generation replaces it, with any edits you made in the wizard, once it
        succeeds.
      </Modal>
    </form>
  );
}
