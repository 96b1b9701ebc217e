"use client";
import { useMemo } from "react";
import Alert from "@cloudscape-design/components/alert";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Checkbox from "@cloudscape-design/components/checkbox";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { DeniedAttempt } from "@/lib/core/types";
import type { DraftSelection } from "@/lib/console/draft-selection";
import { formatDate } from "@/components/generation/format";
import { ReviewActionsTable } from "./review-actions-table";
import { AddActionsPanel } from "./add-actions-panel";
import { ServiceActionsPicker } from "./service-actions-picker";
import type { ActionRow, WizardData } from "./wizard-types";

function toggle(list: string[], value: string, on: boolean) {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  return [...set].sort();
}

export function ReviewPermissionsStep({
  data,
  selection,
  onChange,
}: {
  data: WizardData;
  selection: DraftSelection;
  onChange: (s: DraftSelection) => void;
}) {
  const { usage, accessLevels } = data;
  const removed = new Set(selection.removedActions.map((a) => a.toLowerCase()));

  const rows = useMemo<ActionRow[]>(() => {
    const out: ActionRow[] = [];
    const seen = new Set<string>();
    for (const ev of Object.values(usage.actions)) {
      if (removed.has(ev.action.toLowerCase())) continue;
      seen.add(ev.action.toLowerCase());
      out.push({
        action: ev.action,
        service: ev.service,
        accessLevel: ev.accessLevel ?? accessLevels[ev.action] ?? "-",
        calls: ev.calls,
        lastSeen: ev.lastSeen,
        regions: ev.regions,
        origin: "generated",
      });
    }
    const deniedActions = selection.acceptedDenied.map((k) => usage.denied[k]?.action).filter((a): a is string => !!a);
    for (const [list, origin] of [
      [selection.addedActions, "added"],
      [deniedActions, "denied-accepted"],
    ] as const) {
      for (const a of list) {
        if (seen.has(a.toLowerCase()) || removed.has(a.toLowerCase())) continue;
        seen.add(a.toLowerCase());
        out.push({ action: a, service: a.split(":")[0], accessLevel: accessLevels[a] ?? "-", calls: 0, lastSeen: null, regions: [], origin });
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [usage, selection, accessLevels]);

  const serviceLevel = Object.values(usage.serviceLevel);
  const passRoles = Object.values(usage.passRole);
  // Actions that never succeeded come first: allowing one of those adds it to the policy.
  const inPolicy = (d: DeniedAttempt) => !!d.action && !!usage.actions[d.action];
  const denied = Object.entries(usage.denied).sort(
    ([, a], [, b]) => Number(inPolicy(a)) - Number(inPolicy(b)) || (a.action ?? a.eventName).localeCompare(b.action ?? b.eventName),
  );
  const unmapped = Object.values(usage.unmapped);

  function remove(actions: string[]) {
    const lower = new Set(actions.map((a) => a.toLowerCase()));
    onChange({
      ...selection,
      removedActions: [...new Set([...selection.removedActions, ...actions.filter((a) => usage.actions[a])])].sort(),
      addedActions: selection.addedActions.filter((a) => !lower.has(a.toLowerCase())),
      acceptedDenied: selection.acceptedDenied.filter((k) => !lower.has((usage.denied[k]?.action ?? "").toLowerCase())),
    });
  }

  return (
    <SpaceBetween size="l">
      {!data.isComplete && (
        <Alert type="info" header="Some services are known only at service level">
          CloudTrail showed that the entity used the services listed under Services used, but not which actions. Choose their actions
          from the menus; services without chosen actions are left out of the policy.
        </Alert>
      )}
      <ReviewActionsTable rows={rows} evidence={usage.actions} onRemove={remove} />

      {selection.removedActions.length > 0 && (
        <Container header={<Header variant="h3" counter={`(${selection.removedActions.length})`}>Removed actions</Header>} data-testid="removed-actions">
          <SpaceBetween size="xs" direction="horizontal">
            {selection.removedActions.map((a) => (
              <Button
                key={a}
                iconName="undo"
                variant="normal"
                ariaLabel={`Restore ${a}`}
                onClick={() => onChange({ ...selection, removedActions: selection.removedActions.filter((x) => x !== a) })}
              >
                {a}
              </Button>
            ))}
          </SpaceBetween>
        </Container>
      )}

      <Table
        data-testid="services-used"
        variant="container"
        items={serviceLevel}
        trackBy="service"
        wrapLines
        header={
          <Header counter={`(${serviceLevel.length})`} description="Services the entity used whose actions CloudTrail does not reveal. Add the actions it needs.">
            Services used
          </Header>
        }
        empty={<Box textAlign="center">Every service used is known at action level.</Box>}
        columnDefinitions={[
          { id: "service", header: "Service", cell: (s) => s.service, width: 160 },
          { id: "calls", header: "Calls", cell: (s) => s.calls.toLocaleString("en"), width: 90 },
          { id: "events", header: "Event names", cell: (s) => s.eventNames.slice(0, 6).join(", ") || "-", width: 240 },
          {
            id: "add",
            header: "Actions to add",
            minWidth: 320,
            cell: (s) => (
              <ServiceActionsPicker
                service={s.service}
                selected={selection.addedActions}
                onChange={(picked) => {
                  const others = selection.addedActions.filter((a) => !a.toLowerCase().startsWith(`${s.service.toLowerCase()}:`));
                  onChange({ ...selection, addedActions: [...new Set([...others, ...picked])].sort() });
                }}
              />
            ),
          },
        ]}
      />

      <AddActionsPanel selected={selection.addedActions} onChange={(addedActions) => onChange({ ...selection, addedActions })} />

      <Table
        data-testid="passrole-suggestions"
        variant="container"
        items={passRoles}
        trackBy="roleArn"
        wrapLines
        header={
          <Header
            counter={`(${passRoles.length})`}
            description="CloudTrail never logs iam:PassRole. These calls handed a role to a service, so the entity probably needs to pass that role. Allow each one you expect."
          >
            Suggested: iam:PassRole
          </Header>
        }
        empty={<Box textAlign="center">No call handed a role to a service.</Box>}
        columnDefinitions={[
          {
            id: "accept",
            header: "Allow",
            width: 70,
            cell: (p) => (
              <Checkbox
                // An instance profile is not a role: iam:PassRole on it grants nothing.
                disabled={p.kind === "instance-profile"}
                checked={selection.acceptedPassRoles.includes(p.roleArn)}
                onChange={(e) => onChange({ ...selection, acceptedPassRoles: toggle(selection.acceptedPassRoles, p.roleArn, e.detail.checked) })}
                ariaLabel={`Allow iam:PassRole on ${p.roleArn}`}
              />
            ),
          },
          {
            id: "role",
            header: "Role",
            cell: (p) =>
              p.kind === "instance-profile" ? (
                <>
                  {p.roleArn}
                  <Box variant="small" color="text-body-secondary">Instance profile: allow iam:PassRole on the role inside it (add it in the editor)</Box>
                </>
              ) : (
                p.roleArn
              ),
          },
          { id: "via", header: "Passed by", cell: (p) => p.viaActions.join(", "), width: 170 },
          { id: "calls", header: "Calls", cell: (p) => p.calls.toLocaleString("en"), width: 80 },
          { id: "last", header: "Last seen", cell: (p) => formatDate(p.lastSeen), width: 170 },
        ]}
      />

      <Table
        data-testid="denied-attempts"
        variant="container"
        items={denied}
        trackBy={(d) => d[0]}
        wrapLines
        header={
          <Header
            counter={`(${denied.length})`}
            description="Calls that failed. They grant nothing; allow one only if the entity should be able to do it. Actions that never succeeded come first: allowing one adds it to the policy."
          >
            Denied attempts
          </Header>
        }
        empty={<Box textAlign="center">No call of this entity was denied.</Box>}
        columnDefinitions={[
          {
            id: "accept",
            header: "Allow",
            width: 70,
            cell: ([key, d]) =>
              d.action ? (
                <Checkbox
                  checked={selection.acceptedDenied.includes(key)}
                  onChange={(e) => onChange({ ...selection, acceptedDenied: toggle(selection.acceptedDenied, key, e.detail.checked) })}
                  ariaLabel={`Allow ${d.action}`}
                />
              ) : (
                "-"
              ),
          },
          {
            id: "action",
            header: "Action",
            width: 190,
            cell: ([, d]) => (
              <SpaceBetween size="xxs">
                <span>{d.action ?? `${d.eventSource} ${d.eventName}`}</span>
                {d.action && !inPolicy(d) && <Badge color="grey">Never succeeded</Badge>}
              </SpaceBetween>
            ),
          },
          { id: "calls", header: "Calls", cell: ([, d]) => d.calls.toLocaleString("en"), width: 80 },
          { id: "last", header: "Last seen", cell: ([, d]) => formatDate(d.lastSeen), width: 170 },
          {
            id: "message",
            header: "Error",
            cell: ([, d]) => (
              <Box variant="small">
                <b>{d.errorCode}</b>
                {d.errorMessage ? `: ${d.errorMessage}` : ""}
              </Box>
            ),
          },
        ]}
      />

      {unmapped.length > 0 && (
        <Alert type="info" header={`${unmapped.length} kinds of events could not be mapped to IAM actions`}>
          Leastwise never guesses action names. These events are not in the policy:{" "}
          {unmapped
            .slice(0, 12)
            .map((u) => `${u.eventSource} ${u.eventName} (${u.calls})`)
            .join(", ")}
          {unmapped.length > 12 ? ` and ${unmapped.length - 12} more` : ""}.
        </Alert>
      )}
    </SpaceBetween>
  );
}
