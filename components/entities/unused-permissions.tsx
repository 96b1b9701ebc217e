"use client";
import Badge from "@cloudscape-design/components/badge";
import Box from "@cloudscape-design/components/box";
import ColumnLayout from "@cloudscape-design/components/column-layout";
import Container from "@cloudscape-design/components/container";
import ExpandableSection from "@cloudscape-design/components/expandable-section";
import Header from "@cloudscape-design/components/header";
import SpaceBetween from "@cloudscape-design/components/space-between";
import Table from "@cloudscape-design/components/table";
import type { PermissionComparisonView } from "@/lib/console/get-permission-comparison";

const n = (x: number) => x.toLocaleString("en-US");
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const LEVELS = ["Permissions management", "Write", "Tagging", "Read", "List", "Unknown"];
const SENSITIVE = new Set(["Permissions management", "Write", "Tagging"]);

/** "Granted 3,412 actions in 140 services; used 24 in 9", and what the new policy would remove. */
export function UnusedPermissions({ view, entityName }: { view: PermissionComparisonView; entityName: string }) {
  const c = view.comparison;
  const removedTotal = c.removed.reduce((s, g) => s + g.total, 0);
  const sensitiveTotal = c.removed.reduce((s, g) => s + g.sensitive, 0);
  return (
    <Container
      data-testid="unused-permissions"
      header={
        <Header
          variant="h2"
          description={
            view.window
              ? `What ${entityName}'s policies grant today (wildcards expanded through the IAM catalog) against what it used between ${view.window.start.slice(0, 10)} and ${view.window.end.slice(0, 10)}.`
              : `What ${entityName}'s policies grant today. Generate a policy to compare with what it uses.`
          }
        >
          Unused permissions
        </Header>
      }
    >
      <SpaceBetween size="l">
        <ColumnLayout columns={c.kept ? 4 : 3} variant="text-grid">
          <Stat
            label="Granted today"
            value={`${plural(c.granted.actions, "action")} in ${plural(c.granted.services, "service")}`}
            testId="granted-count"
          />
          <Stat
            label="Used in the window"
            value={view.window ? `${plural(c.used.actions, "action")} in ${plural(c.used.services, "service")}` : "No generation"}
            testId="used-count"
          />
          <Stat
            label="Granted, never used"
            value={`${plural(c.unused.actions, "action")} in ${plural(c.unused.services, "service")}`}
            testId="unused-count"
          />
          {c.kept && (
            <Stat
              label="The new policy grants"
              value={`${plural(c.kept.actions, "action")} in ${plural(c.kept.services, "service")}`}
              testId="kept-count"
            />
          )}
        </ColumnLayout>
        <Box variant="small" color="text-body-secondary">
          Compared:{" "}
          {c.sources.length === 0
            ? "no policies"
            : c.sources.map((s) => `${s.name}${s.kind === "inline" ? " (inline)" : ""}: ${n(s.actions)}`).join("; ")}
          . Conditions and resources are not compared: an action granted on one resource counts as granted.
        </Box>
        <Table
          data-testid="removed-by-service"
          resizableColumns
          variant="embedded"
          wrapLines
          items={c.removed}
          trackBy="service"
          header={
            <Header
              variant="h3"
              counter={`(${n(c.removed.length)})`}
              description={`${plural(removedTotal, "action")}, ${n(sensitiveTotal)} of them write, tagging or permissions management, sensitive services first.`}
            >
              {c.kept ? "Actions the new policy would remove" : "Actions granted but not used"}
            </Header>
          }
          empty={<Box textAlign="center">{c.kept ? "The new policy keeps everything granted today." : "Nothing granted goes unused."}</Box>}
          columnDefinitions={[
            { id: "service", header: "Service", cell: (g) => <span title={g.serviceName}>{g.service}</span>, width: 190 },
            { id: "total", header: "Actions", cell: (g) => n(g.total), width: 110 },
            {
              id: "levels",
              header: "By access level",
              width: 300,
              cell: (g) => (
                <SpaceBetween size="xxs" direction="horizontal">
                  {LEVELS.filter((l) => g.byLevel[l]).map((l) => (
                    <Badge key={l} color={SENSITIVE.has(l) ? "red" : "grey"}>
                      {l}: {n(g.byLevel[l])}
                    </Badge>
                  ))}
                </SpaceBetween>
              ),
            },
            {
              id: "actions",
              header: "Actions (sensitive first)",
              width: 240,
              cell: (g) => (
                <ExpandableSection
                  headerText={`Show ${g.total > g.actions.length ? `the first ${g.actions.length}` : g.total === 1 ? "the action" : `all ${g.total}`}`}
                  variant="footer"
                >
                  <Box variant="small">
                    {g.actions.map((a) => `${a.action} (${a.accessLevel})`).join(", ")}
                    {g.total > g.actions.length ? ` and ${n(g.total - g.actions.length)} more` : ""}
                  </Box>
                </ExpandableSection>
              ),
            },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <Box variant="awsui-key-label">{label}</Box>
      <Box fontSize="heading-m" data-testid={testId}>
        {value}
      </Box>
    </div>
  );
}
