// Coverage of AWS's operation map: for every operation of the map in use, whether it maps and to
// what, with counts per service.   npm run -s mapping-report [-- --json | --operations]
import "../lib/catalog-cache/install";
import { mappingReport } from "../lib/core/mapping-report";

const args = new Set(process.argv.slice(2));
const report = mappingReport();
if (args.has("--json")) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const m = report.map;
  const out: string[] = [];
  out.push(`operation map: ${m.kind}, ${m.snapshot}${m.commit ? ` @ ${m.commit.slice(0, 12)}` : ""}, ${m.date.slice(0, 10)} (${m.origin})`);
  out.push("");
  out.push("service".padEnd(44) + "operations  with actions  mapped  coverage  no actions, mapped by name");
  for (const s of report.services) {
    out.push(
      `${s.prefix.padEnd(44)}${String(s.operations).padStart(10)}  ${String(s.withActions).padStart(12)}  ${String(s.mapped).padStart(6)}  ${(s.withActions ? pct(s.mapped / s.withActions) : "-").padStart(8)}  ${String(s.noActionsMapped).padStart(5)}`,
    );
  }
  const t = report.totals;
  out.push("");
  out.push(`total: ${t.operations} operations; ${t.withActions} with authorized actions, ${t.mapped} mapped: coverage ${pct(t.coverage)}`);
  out.push(
    `${t.noActions} operations AWS lists no authorized action for; ${t.noActionsMapped} of them map by their same-name action, the others stay unmapped (service level)`,
  );
  out.push(
    `${t.beyondAwsGenerator} operations map to an action AWS's own generator does not support (SupportedBy "IAM Access Analyzer Policy Generation": false)`,
  );
  out.push("");
  out.push("exceptions (authorized actions listed, no action emitted):");
  for (const e of report.exceptions) out.push(`  ${e.key}: ${e.mapped}: ${e.reason}`);
  if (args.has("--operations")) {
    out.push("");
    for (const r of report.rows)
      out.push(
        `${r.prefix}:${r.operation} -> ${Array.isArray(r.mapped) ? r.mapped.join(" ") : r.mapped}   [AWS: ${r.authorized.join(" ") || "-"}]`,
      );
  }
  process.stdout.write(`${out.join("\n")}\n`);
}
