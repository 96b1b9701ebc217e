"use client";
import { useCallback, useMemo } from "react";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import Container from "@cloudscape-design/components/container";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { DraftSelection } from "@/lib/console/draft-selection";
import { DeniedAttemptsTable } from "./denied-attempts-table";
import { PassRoleTable } from "./passrole-table";
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
        out.push({
          action: a,
          service: a.split(":")[0],
          accessLevel: accessLevels[a] ?? "-",
          calls: 0,
          lastSeen: null,
          regions: [],
          origin,
        });
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [usage, selection, accessLevels]);

  const serviceLevel = Object.values(usage.serviceLevel);
  const passRoles = Object.values(usage.passRole);
  // Actions that never succeeded come first: allowing one of those adds it to the policy.
  const inPolicy = useCallback((action: string) => !!usage.actions[action], [usage]);
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
          CloudTrail showed that the entity used the services listed under Services used, but not which actions. Choose their actions from
          the menus; services without chosen actions are left out of the policy.
        </Alert>
      )}
      <ReviewActionsTable rows={rows} evidence={usage.actions} window={data.window} onRemove={remove} />

      {selection.removedActions.length > 0 && (
        <Container
          header={
            <Header variant="h3" counter={`(${selection.removedActions.length})`}>
              Removed actions
            </Header>
          }
          data-testid="removed-actions"
        >
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
        resizableColumns
        variant="container"
        items={serviceLevel}
        trackBy="service"
        wrapLines
        header={
          <Header
            counter={`(${serviceLevel.length})`}
            description="Services the entity used whose actions CloudTrail does not reveal. Add the actions it needs."
          >
            Services used
          </Header>
        }
        empty={<Box textAlign="center">Every service used is known at action level.</Box>}
        columnDefinitions={[
          { id: "service", header: "Service", cell: (s) => s.service, width: 160 },
          { id: "calls", header: "Calls", cell: (s) => s.calls.toLocaleString("en"), width: 100 },
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

      <PassRoleTable
        passRoles={passRoles}
        accepted={selection.acceptedPassRoles}
        onAccept={(arn, on) => onChange({ ...selection, acceptedPassRoles: toggle(selection.acceptedPassRoles, arn, on) })}
      />

      <DeniedAttemptsTable
        denied={usage.denied}
        inPolicy={inPolicy}
        accepted={selection.acceptedDenied}
        onAccept={(keys, on) =>
          onChange({ ...selection, acceptedDenied: keys.reduce((list, k) => toggle(list, k, on), selection.acceptedDenied) })
        }
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
