// `npm run bench:api`: concurrent SDK clients calling GetGeneratedPolicy (both flags, so policies
// are built on every call) and ListPolicyGenerations against a running API server while
// generations run back to back on the same (embedded PGlite) database. Prints p50/p99 latency and
// the error count, which must be 0.
//   npm run bench:api -- [--clients 16] [--seconds 15] [--size-mb 200] [--database-url URL]
import {
  AccessAnalyzerClient,
  GetGeneratedPolicyCommand,
  ListPolicyGenerationsCommand,
  StartPolicyGenerationCommand,
} from "@aws-sdk/client-accessanalyzer";
import { TEST_ACCESS_ROLE, TEST_ROLE, TEST_TRAIL_ARN } from "../lib/jobs/test-fixtures";
import { startApiTestServer } from "../lib/api/test-server";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function main(): Promise<number> {
  const clients = Number(arg("clients", "16"));
  const seconds = Number(arg("seconds", "15"));
  const sizeMb = Number(arg("size-mb", "200"));
  const databaseUrl = process.argv.includes("--database-url") ? arg("database-url", "") : undefined;
  process.stderr.write(`bench:api: preparing a ${sizeMb} MB trail and the server...\n`);
  const s = await startApiTestServer({ trailSizeMb: sizeMb, trailDays: 6, databaseUrl });
  const client = new AccessAnalyzerClient({ endpoint: s.url, region: "us-east-1", credentials: s.key, maxAttempts: 1 });
  const input = {
    policyGenerationDetails: { principalArn: TEST_ROLE },
    cloudTrailDetails: {
      trails: [{ cloudTrailArn: TEST_TRAIL_ARN, allRegions: true }],
      accessRole: TEST_ACCESS_ROLE,
      startTime: s.trail.start,
      endTime: s.trail.end,
    },
  };
  const waitDone = async (jobId: string) => {
    for (;;) {
      const r = await client.send(new GetGeneratedPolicyCommand({ jobId }));
      if (r.jobDetails?.status !== "IN_PROGRESS") return r;
      await new Promise((res) => setTimeout(res, 100));
    }
  };
  const seed = await client.send(new StartPolicyGenerationCommand(input));
  const seeded = await waitDone(seed.jobId!);
  if (seeded.jobDetails?.status !== "SUCCEEDED")
    throw new Error(`the seed generation ended ${seeded.jobDetails?.status}: ${seeded.jobDetails?.jobError?.message}`);

  const deadline = Date.now() + seconds * 1000;
  let generations = 0;
  let busyMs = 0;
  // Generations back to back for the whole run, so reads always compete with a running scan.
  const generator = (async () => {
    while (Date.now() < deadline) {
      const t = Date.now();
      const { jobId } = await client.send(new StartPolicyGenerationCommand(input));
      const r = await waitDone(jobId!);
      if (r.jobDetails?.status === "SUCCEEDED") generations++;
      busyMs += Date.now() - t;
    }
  })();

  const latencies: { get: number[]; list: number[] } = { get: [], list: [] };
  const errors: string[] = [];
  const readers = Array.from({ length: clients }, async (_, i) => {
    const c = new AccessAnalyzerClient({ endpoint: s.url, region: "us-east-1", credentials: s.key, maxAttempts: 1 });
    let n = 0;
    while (Date.now() < deadline) {
      const isGet = (i + n++) % 2 === 0;
      const t = performance.now();
      try {
        if (isGet)
          await c.send(
            new GetGeneratedPolicyCommand({ jobId: seed.jobId, includeResourcePlaceholders: true, includeServiceLevelTemplate: true }),
          );
        else await c.send(new ListPolicyGenerationsCommand({ maxResults: 20 }));
        (isGet ? latencies.get : latencies.list).push(performance.now() - t);
      } catch (error) {
        errors.push(`${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    c.destroy();
  });
  const ticker = setInterval(() => {
    process.stderr.write(
      `bench:api: ${latencies.get.length + latencies.list.length} calls, ${errors.length} errors, ${generations} generations\n`,
    );
  }, 5000);
  await Promise.all(readers);
  // A generation still running at the end must finish; one that does not is a failure, not a hang.
  const stuck = await Promise.race([generator.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 120_000))]);
  clearInterval(ticker);
  if (stuck) errors.push("a generation did not finish within 2 minutes after the run");
  client.destroy();
  await s.stop();

  const all = [...latencies.get, ...latencies.list].sort((a, b) => a - b);
  const row = (name: string, xs: number[]) => {
    const v = [...xs].sort((a, b) => a - b);
    return `${name.padEnd(22)} ${String(v.length).padStart(7)} ${pct(v, 50).toFixed(1).padStart(8)} ${pct(v, 99).toFixed(1).padStart(8)} ${(v[v.length - 1] ?? NaN).toFixed(1).padStart(8)}`;
  };
  console.log(`API benchmark: ${clients} concurrent SDK clients for ${seconds} s, ${databaseUrl ? "PostgreSQL" : "embedded PGlite"}`);
  console.log(`${"operation".padEnd(22)} ${"calls".padStart(7)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)}`);
  console.log(row("GetGeneratedPolicy", latencies.get));
  console.log(row("ListPolicyGenerations", latencies.list));
  console.log(row("all", all));
  console.log(
    `throughput: ${(all.length / seconds).toFixed(0)} calls/s; generations completed meanwhile: ${generations} (a generation running ${Math.min(100, (busyMs / (seconds * 1000)) * 100).toFixed(0)}% of the time)`,
  );
  console.log(`errors: ${errors.length}`);
  for (const e of [...new Set(errors)].slice(0, 5)) console.log(`  ${e}`);
  return errors.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:api failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
