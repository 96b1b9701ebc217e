"use client";
import { useState } from "react";
import Button from "@cloudscape-design/components/button";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Form from "@cloudscape-design/components/form";
import FormField from "@cloudscape-design/components/form-field";
import Input from "@cloudscape-design/components/input";
import Modal from "@cloudscape-design/components/modal";
import Select from "@cloudscape-design/components/select";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Tiles from "@cloudscape-design/components/tiles";
import { registerTrailAction } from "@/app/(console)/_actions/trails/actions";
import { AWS_REGIONS } from "@/lib/console/aws-regions";

export function RegisterTrailModal({
  visible,
  onClose,
  onRegistered,
  defaultAccountId,
  partition,
}: {
  visible: boolean;
  onClose: () => void;
  onRegistered: (arn: string) => void;
  defaultAccountId: string;
  partition: string;
}) {
  const [name, setName] = useState("");
  const [homeRegion, setHomeRegion] = useState("us-east-1");
  const [accountId, setAccountId] = useState(defaultAccountId);
  const [orgId, setOrgId] = useState("");
  const [kind, setKind] = useState<"s3" | "local">("s3");
  const [bucket, setBucket] = useState("");
  const [prefix, setPrefix] = useState("");
  const [endpoint, setEndpoint] = useState("");
  const [region, setRegion] = useState("");
  const [dir, setDir] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setErrors({});
    const r = await registerTrailAction({
      name,
      homeRegion,
      accountId: accountId.trim(),
      partition,
      orgId: orgId.trim() || undefined,
      source:
        kind === "s3"
          ? { kind, bucket, prefix: prefix || undefined, endpoint: endpoint || undefined, region: region || undefined }
          : { kind, dir, prefix: prefix || undefined },
    });
    setBusy(false);
    if (!r.ok) {
      setErrors({ [r.error.field || "form"]: r.error.message });
      return;
    }
    setName("");
    setBucket("");
    setDir("");
    setPrefix("");
    setEndpoint("");
    onRegistered(r.data.arn);
  }

  return (
    <Modal visible={visible} onDismiss={onClose} header="Register trail" size="large">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form
          errorText={errors.form}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={onClose}>
                Cancel
              </Button>
              <Button variant="primary" loading={busy} data-testid="register-trail-submit">
                Register
              </Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="m">
            <ColumnLayout columns={3}>
              <FormField label="Trail name" errorText={errors.name ?? errors.arn}>
                <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="Trail name" />
              </FormField>
              <FormField label="Home region" errorText={errors.homeRegion}>
                <Select
                  selectedOption={{ value: homeRegion, label: homeRegion }}
                  onChange={(e) => setHomeRegion(e.detail.selectedOption.value ?? "us-east-1")}
                  options={AWS_REGIONS.map((r) => ({ value: r, label: r }))}
                  filteringType="auto"
                  ariaLabel="Home region"
                />
              </FormField>
              <FormField label="Account ID" errorText={errors.accountId} description="The account whose events it logs.">
                <Input value={accountId} onChange={(e) => setAccountId(e.detail.value)} ariaLabel="Account ID" inputMode="numeric" />
              </FormField>
            </ColumnLayout>
            <Tiles
              value={kind}
              onChange={(e) => setKind(e.detail.value as "s3" | "local")}
              ariaLabel="Where the logs are"
              items={[
                {
                  value: "s3",
                  label: "S3 bucket",
                  description: "Amazon S3, or an S3-compatible store (MinIO, Ceph, ...) with its endpoint.",
                },
                {
                  value: "local",
                  label: "Local directory",
                  description: "A directory on this server with the trail's layout (AWSLogs/...).",
                },
              ]}
            />
            {kind === "s3" ? (
              <ColumnLayout columns={2}>
                <FormField label="Bucket" errorText={errors.bucket}>
                  <Input value={bucket} onChange={(e) => setBucket(e.detail.value)} ariaLabel="Bucket" />
                </FormField>
                <FormField label="Prefix - optional" errorText={errors.prefix} description="The trail's S3 key prefix, before AWSLogs/.">
                  <Input value={prefix} onChange={(e) => setPrefix(e.detail.value)} ariaLabel="Prefix" />
                </FormField>
                <FormField
                  label="Endpoint - optional"
                  errorText={errors.endpoint}
                  description="For an S3-compatible store, e.g. http://minio:9000."
                >
                  <Input value={endpoint} onChange={(e) => setEndpoint(e.detail.value)} ariaLabel="Endpoint" />
                </FormField>
                <FormField label="Bucket region - optional" errorText={errors.region} description="Default: the trail's home region.">
                  <Input value={region} onChange={(e) => setRegion(e.detail.value)} ariaLabel="Bucket region" />
                </FormField>
              </ColumnLayout>
            ) : (
              <ColumnLayout columns={2}>
                <FormField label="Directory" errorText={errors.dir} description="An absolute path on the server.">
                  <Input value={dir} onChange={(e) => setDir(e.detail.value)} ariaLabel="Directory" />
                </FormField>
                <FormField label="Prefix - optional" errorText={errors.prefix}>
                  <Input value={prefix} onChange={(e) => setPrefix(e.detail.value)} ariaLabel="Prefix" />
                </FormField>
              </ColumnLayout>
            )}
            <FormField
              label="Organization ID - optional"
              errorText={errors.orgId}
              description="For an organization trail: logs under AWSLogs/o-.../ACCOUNT/."
            >
              <Input value={orgId} onChange={(e) => setOrgId(e.detail.value)} ariaLabel="Organization ID" />
            </FormField>
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}
