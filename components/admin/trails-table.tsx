"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Header from "@cloudscape-design/components/header";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import { unregisterTrailAction } from "@/app/(console)/_actions/trails/actions";
import { useConsoleUser } from "@/components/shell/console-user";
import { useFlash } from "@/components/shell/flash";
import { RegisterTrailModal } from "./register-trail-modal";

export interface TrailRow {
  arn: string;
  name: string;
  homeRegion: string;
  accountId: string;
  orgId: string | null;
  kind: "s3" | "local";
  location: string;
  endpoint: string | null;
  prefix: string | null;
  /** false: a trail of the account found through CloudTrail (aws mode), not in the registry */
  registered: boolean;
}

export function TrailsTable({
  trails,
  defaultAccountId,
  partition,
  problem,
}: {
  trails: TrailRow[];
  defaultAccountId: string;
  partition: string;
  problem?: string | null;
}) {
  const router = useRouter();
  const flash = useFlash();
  const user = useConsoleUser();
  const isAdmin = user.role === "admin";
  const [registering, setRegistering] = useState(false);
  const [removing, setRemoving] = useState<TrailRow | null>(null);

  async function remove(t: TrailRow) {
    const r = await unregisterTrailAction({ arn: t.arn });
    setRemoving(null);
    if (!r.ok) flash.push({ type: "error", header: `Could not remove ${t.name}`, content: r.error.message });
    else {
      flash.push({ type: "success", header: `Removed trail ${t.name}`, content: "Its logs were not touched." });
      router.refresh();
    }
  }

  return (
    <>
      {problem && (
        <Alert type="error" header="The account's trails could not be listed" data-testid="trails-problem">
          {problem}
        </Alert>
      )}
      <Table
        data-testid="trails"
        variant="full-page"
        items={trails}
        trackBy="arn"
        wrapLines
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={`(${trails.length})`}
            description="Where Leastwise finds each trail's logs: an S3 bucket (AWS or any S3-compatible store), or a local directory with the same layout (for example a copy made with aws s3 sync). Trails of a real account are also found through CloudTrail."
            actions={
              isAdmin ? (
                <Button variant="primary" onClick={() => setRegistering(true)} data-testid="register-trail">
                  Register trail
                </Button>
              ) : undefined
            }
          >
            Trails
          </Header>
        }
        empty={<Box textAlign="center">No trail is registered.{isAdmin ? " Register one to generate policies from its logs." : ""}</Box>}
        columnDefinitions={[
          { id: "name", header: "Name", cell: (t) => t.name },
          { id: "region", header: "Home region", cell: (t) => t.homeRegion, width: 140 },
          { id: "account", header: "Account", cell: (t) => `${t.accountId}${t.orgId ? ` (${t.orgId})` : ""}`, width: 200 },
          {
            id: "kind",
            header: "Source",
            cell: (t) =>
              !t.registered
                ? "CloudTrail (this account)"
                : t.kind === "s3"
                  ? t.endpoint
                    ? "S3-compatible"
                    : "Amazon S3"
                  : "Local directory",
            width: 150,
          },
          {
            id: "location",
            header: "Location",
            cell: (t) => (
              <span style={{ wordBreak: "break-all" }}>
                {t.location}
                {t.endpoint ? ` at ${t.endpoint}` : ""}
                {t.kind === "local" && t.prefix ? ` (prefix ${t.prefix})` : ""}
              </span>
            ),
          },
          ...(isAdmin
            ? [
                {
                  id: "actions",
                  header: "Actions",
                  width: 110,
                  cell: (t: TrailRow) =>
                    t.registered ? (
                      <Button variant="inline-link" onClick={() => setRemoving(t)} ariaLabel={`Remove ${t.name}`}>
                        Remove
                      </Button>
                    ) : (
                      "-"
                    ),
                },
              ]
            : []),
        ]}
      />
      {isAdmin && (
        <RegisterTrailModal
          visible={registering}
          onClose={() => setRegistering(false)}
          defaultAccountId={defaultAccountId}
          partition={partition}
          onRegistered={(arn) => {
            setRegistering(false);
            flash.push({ type: "success", header: "Trail registered", content: arn });
            router.refresh();
          }}
        />
      )}
      <Modal
        visible={!!removing}
        onDismiss={() => setRemoving(null)}
        header="Remove trail?"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setRemoving(null)}>
                Cancel
              </Button>
              <Button variant="primary" onClick={() => removing && void remove(removing)}>
                Remove
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        Leastwise forgets where {removing?.name}&apos;s logs are. The logs themselves are not touched; generations already made stay
        readable.
      </Modal>
    </>
  );
}
