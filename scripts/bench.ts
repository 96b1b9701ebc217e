// npm run -s bench -- [--mb 256] [--days 30] [--rounds 3] [--no-s3] [--s3rver] [--no-4x] [--no-all] [--out bench-out]
// Generates (or reuses) a corpus under bench-out/, then in one run measures the decompression
// baseline, `leastwise generate` from a local directory and from the fast S3 test server at 0 and
// 25 ms a request (and s3rver with --s3rver), the 4x corpus's peak RSS and the cost of a window of
// one tenth of the days. Prints a Markdown table; see docs/engine.md.
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus, type CorpusManifest } from "@/lib/corpus/generate-corpus";
import { runMeasured, type Measured } from "@/lib/engine/bench/run-measured";
import { startFastS3 } from "@/lib/testing/fast-s3";
import { S3RVER_CREDENTIALS, startS3rver, uploadDirectory } from "@/lib/testing/s3rver";

const ROLE = "arn:aws:iam::111122223333:role/TargetRole";
const END = "2026-11-01T00:00:00Z";
const ROOT = path.resolve(import.meta.dirname, "..");

async function corpus(out: string, mb: number, days: number, noisePrincipals?: number): Promise<{ dir: string; manifest: CorpusManifest }> {
  const dir = path.join(out, `corpus-${mb}mb-${days}d${noisePrincipals ? `-${noisePrincipals}p` : ""}`);
  const mf = path.join(dir, "corpus-manifest.json");
  if (existsSync(mf)) return { dir, manifest: JSON.parse(await readFile(mf, "utf8")) };
  process.stderr.write(`bench: generating ${mb} MB corpus in ${dir} ...\n`);
  const manifest = await generateCorpus({
    outDir: dir,
    days,
    seed: 2026,
    endDate: new Date(END),
    sizeMb: mb,
    accounts: ["111122223333"],
    regions: ["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"],
    filesPerDay: 24,
    noisePrincipals,
  });
  return { dir, manifest };
}

interface Row {
  name: string;
  mb: number;
  /** listing + reading every file (the scan's throughput) */
  ms: number;
  /** runScan until its result (includes waiting for the IAM catalog to load) */
  scanMs?: number;
  wallMs: number;
  events: number;
  rssMb: number;
  /** CPU seconds of the process (all threads) */
  cpuS: number;
  files?: number;
  /** S3 rows: the medians of several rounds */
  note?: string;
}

/** A measuring child process of lib/engine/bench/ that prints { bytesOut, ms } (the baseline, the floor). */
async function childRow(name: string, script: string, args: string[]): Promise<Row> {
  const m = await runMeasured(process.execPath, ["--import", "tsx", `lib/engine/bench/${script}`, ...args], { cwd: ROOT });
  if (m.code !== 0) throw new Error(`${script} failed: ${m.stderr}`);
  const r = JSON.parse(m.stdout) as { bytesOut: number; ms: number };
  return { name, mb: r.bytesOut / 1048576, ms: r.ms, scanMs: r.ms, wallMs: m.wallMs, events: 0, rssMb: m.peakRssMb, cpuS: m.cpuS };
}

const baseline = (dir: string) => childRow("baseline: read + gunzip every file, all cores", "baseline-child.ts", [dir]);
/** The floor: read + gunzip + JSON.parse of the principal's records only (see floor-child.ts). */
const floor = (dir: string) =>
  childRow(
    "floor (not a product path): read + gunzip + JSON.parse of the principal's records only, byte ranges known beforehand",
    "floor-child.ts",
    [dir, ROLE],
  );

async function generate(name: string, logs: string, start: string, extra: string[] = [], env?: NodeJS.ProcessEnv): Promise<Row> {
  const many = extra.includes("--all-principals");
  const who = many ? ["--account", "111122223333"] : ["--principal", ROLE];
  const m: Measured = await runMeasured(
    process.execPath,
    ["cli/leastwise.mjs", "generate", ...who, "--logs", logs, "--start", start, "--end", END, "--all-regions", "--json", ...extra],
    { cwd: ROOT, env },
  );
  if (m.code !== 0) throw new Error(`${name} failed (exit ${m.code}): ${m.stderr.slice(0, 500)}`);
  if (many) {
    // one result per principal on stdout, the scan's figures on stderr's last JSON line
    const lines = m.stderr.trim().split("\n");
    const sum = JSON.parse(lines[lines.length - 1]) as {
      principals: number;
      stats: { bytesUncompressed: number; eventsRead: number; filesRead: number };
      timing: { readMs: number; scanMs: number };
    };
    const results = m.stdout.trim().split("\n").length;
    if (results !== sum.principals) throw new Error(`${name}: ${results} result lines for ${sum.principals} principals`);
    return {
      name: `${name} (${sum.principals} principals)`,
      mb: sum.stats.bytesUncompressed / 1048576,
      ms: sum.timing.readMs,
      scanMs: sum.timing.scanMs,
      wallMs: m.wallMs,
      events: sum.stats.eventsRead,
      rssMb: m.peakRssMb,
      cpuS: m.cpuS,
      files: sum.stats.filesRead,
    };
  }
  const out = JSON.parse(m.stdout) as {
    stats: { bytesUncompressed: number; eventsRead: number; filesRead: number };
    timing: { readMs: number; scanMs: number };
  };
  return {
    name,
    mb: out.stats.bytesUncompressed / 1048576,
    ms: out.timing.readMs,
    scanMs: out.timing.scanMs,
    wallMs: m.wallMs,
    events: out.stats.eventsRead,
    rssMb: m.peakRssMb,
    cpuS: m.cpuS,
    files: out.stats.filesRead,
  };
}

const fmt = (n: number, d = 0) => n.toFixed(d);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const best = (rows: Row[]) => rows.reduce((a, b) => (b.mb / b.ms > a.mb / a.ms ? b : a));
const mbps = (r: Row, ms = r.ms) => r.mb / (ms / 1000);

function busyProcesses(): string {
  try {
    const out = execFileSync("ps", ["-eo", "pcpu,comm", "--sort=-pcpu"], { encoding: "utf8" });
    return out
      .split("\n")
      .slice(1, 7)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("0.0"))
      .join("; ");
  } catch {
    return "n/a";
  }
}

async function main(): Promise<void> {
  const { values: v } = parseArgs({
    options: {
      mb: { type: "string" },
      days: { type: "string" },
      rounds: { type: "string" },
      "no-s3": { type: "boolean" },
      s3rver: { type: "boolean" },
      "no-4x": { type: "boolean" },
      "no-all": { type: "boolean" },
      out: { type: "string" },
    },
  });
  const mb = Number(v.mb ?? 256);
  const days = Number(v.days ?? 30);
  const rounds = Number(v.rounds ?? 3);
  const out = path.resolve(v.out ?? "bench-out");
  if (!(mb > 0) || !(days >= 10) || !(rounds >= 1)) throw new Error("--mb > 0, --days >= 10, --rounds >= 1");
  const start = new Date(new Date(END).getTime() - days * 86_400_000).toISOString();
  const tenthStart = new Date(new Date(END).getTime() - Math.round(days / 10) * 86_400_000).toISOString();
  const { dir, manifest } = await corpus(out, mb, days);
  const big = v["no-4x"] ? undefined : await corpus(out, mb * 4, days);
  const loadBefore = loadavg()[0].toFixed(2);
  const busyBefore = busyProcesses();

  const base: Row[] = [];
  const floors: Row[] = [];
  const local: Row[] = [];
  const tenth: Row[] = [];
  const loads: string[] = [];
  for (let i = 0; i < rounds; i++) {
    process.stderr.write(`bench: round ${i + 1}/${rounds}\n`);
    loads.push(loadavg()[0].toFixed(1));
    base.push(await baseline(dir));
    floors.push(await floor(dir));
    local.push(await generate("leastwise generate, local directory", dir, start));
    tenth.push(await generate(`leastwise generate, local, 1/10 of the days (${Math.round(days / 10)} d)`, dir, tenthStart));
  }
  const s3rows: Row[] = [];
  /** the one-principal median run at 25 ms */
  let s3Fast: Row | undefined;
  const s3lines: string[] = [];
  if (!v["no-s3"]) {
    const fast = await startFastS3({ buckets: ["bench-trail"] });
    try {
      await fast.loadDirectory({ bucket: "bench-trail", dir });
      const env = {
        ...process.env,
        AWS_ACCESS_KEY_ID: "bench",
        AWS_SECRET_ACCESS_KEY: "bench",
        AWS_REGION: "us-east-1",
        LEASTWISE_ALLOW_PRIVATE_ENDPOINTS: "1",
      };
      const localCpu = median(local.map((r) => r.cpuS));
      for (const latency of [0, 25]) {
        fast.setLatency(latency);
        const runs: Row[] = [];
        const peaks: number[] = [];
        for (let i = 0; i < rounds; i++) {
          fast.resetCounters();
          runs.push(
            await generate(
              `leastwise generate, fast S3 server, ${latency} ms a request`,
              "s3://bench-trail",
              start,
              ["--endpoint-url", fast.endpoint],
              env,
            ),
          );
          peaks.push(fast.maxInFlight);
        }
        const mid = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
        const cpu = median(runs.map((r) => r.cpuS));
        const files = mid.files ?? 0;
        s3rows.push({ ...mid, name: `${mid.name} (median of ${rounds})`, cpuS: cpu, rssMb: Math.max(...runs.map((r) => r.rssMb)) });
        if (latency === 25) s3Fast = mid;
        if (latency === 0) {
          // The marginal CPU of an S3 object: a window of 1/10 of the days has the same fixed costs
          // (process start, the SDK's load for listing, workers); the difference over the difference
          // in files, less the same difference for the local directory, is what one more object costs.
          const small: Row[] = [];
          for (let i = 0; i < rounds; i++)
            small.push(await generate("s3 tenth", "s3://bench-trail", tenthStart, ["--endpoint-url", fast.endpoint], env));
          const sCpu = median(small.map((r) => r.cpuS));
          const lCpu = median(tenth.map((r) => r.cpuS));
          const df = files - (small[0].files ?? 0);
          s3lines.push(
            `- S3 at 0 ms, marginal CPU per object (30 d minus 3 d, S3 minus local, over ${df} more files): ${fmt(((cpu - sCpu - (localCpu - lCpu)) * 1000) / df, 2)} ms (target <= 0.5); ` +
              `CPU s 3 d: S3 ${small.map((r) => fmt(r.cpuS, 2)).join(", ")}, local ${tenth.map((r) => fmt(r.cpuS, 2)).join(", ")}`,
          );
        }
        s3lines.push(
          `- S3 at ${latency} ms: ${fmt(files / (mid.ms / 1000))} files/s (median read), read s ${runs.map((r) => fmt(r.ms / 1000, 2)).join(", ")}; CPU s ${runs.map((r) => fmt(r.cpuS, 2)).join(", ")} ` +
            `(local directory: ${fmt(localCpu, 2)}); CPU per object beyond the local read (inflate, sift, accumulate): ${fmt(((cpu - localCpu) * 1000) / files, 2)} ms (target <= 0.5); ` +
            `requests in flight at most ${peaks.join(", ")}; peak RSS ${fmt(Math.max(...runs.map((r) => r.rssMb)))} MB`,
        );
      }
      // The read alone, in one thread: our reader against the SDK's GetObject (see s3-read-child.ts).
      fast.setLatency(0);
      const m = await runMeasured(
        process.execPath,
        [
          "--no-warnings",
          "--import",
          "tsx",
          "lib/engine/bench/s3-read-child.ts",
          fast.endpoint,
          "bench-trail",
          "16",
          String(Math.max(3, rounds)),
        ],
        { cwd: ROOT, env },
      );
      if (m.code !== 0) throw new Error(`s3-read-child failed: ${m.stderr.slice(0, 500)}`);
      const rr = JSON.parse(m.stdout) as {
        objects: number;
        reader: { cpuMsPerObject: number; objectsPerS: number }[];
        sdk: { cpuMsPerObject: number; objectsPerS: number }[];
      };
      const show = (xs: { cpuMsPerObject: number; objectsPerS: number }[]) =>
        `${xs.map((x) => fmt(x.cpuMsPerObject, 3)).join(", ")} ms CPU per object (${xs.map((x) => fmt(x.objectsPerS)).join(", ")} objects/s)`;
      s3lines.push(
        `- one S3 read alone (one thread, 16 in flight, 0 ms, ${rr.objects} objects, each round in turn, the first cold): our reader ${show(rr.reader)}; the SDK's GetObject ${show(rr.sdk)}`,
      );
    } finally {
      await fast.stop();
    }
  }
  if (v.s3rver) {
    const s3 = await startS3rver({ buckets: ["bench-trail"] });
    try {
      process.stderr.write("bench: uploading the corpus to s3rver ...\n");
      await uploadDirectory({ client: s3.client, bucket: "bench-trail", dir });
      const env = {
        ...process.env,
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        AWS_REGION: "us-east-1",
        LEASTWISE_ALLOW_PRIVATE_ENDPOINTS: "1",
      };
      s3rows.push(
        await generate(
          "leastwise generate, s3rver (bound by s3rver itself)",
          "s3://bench-trail",
          start,
          ["--endpoint-url", s3.endpoint],
          env,
        ),
      );
    } finally {
      await s3.stop();
    }
  }
  // Every principal from one pass (--all-principals), against the one-principal read of the same source.
  const manyRows: Row[] = [];
  const manyLines: string[] = [];
  if (!v["no-all"]) {
    const allLocal: Row[] = [];
    for (let i = 0; i < rounds; i++)
      allLocal.push(await generate("leastwise generate --all-principals, local directory", dir, start, ["--all-principals"]));
    const mid = [...allLocal].sort((a, b) => a.ms - b.ms)[Math.floor((rounds - 1) / 2)];
    manyRows.push({ ...mid, name: `${mid.name}, median of ${rounds}` });
    const oneLocal = median(local.map((r) => r.ms));
    manyLines.push(
      `- all principals, local: read s ${allLocal.map((r) => fmt(r.ms / 1000, 2)).join(", ")} against ${fmt(oneLocal / 1000, 2)} for one principal (median): ${fmt(mid.ms / oneLocal, 2)}x (target <= 1.5); CPU s ${allLocal.map((r) => fmt(r.cpuS, 2)).join(", ")}`,
    );
    if (s3Fast) {
      const fast = await startFastS3({ buckets: ["bench-trail"], latencyMs: 25 });
      try {
        await fast.loadDirectory({ bucket: "bench-trail", dir });
        const env = {
          ...process.env,
          AWS_ACCESS_KEY_ID: "bench",
          AWS_SECRET_ACCESS_KEY: "bench",
          AWS_REGION: "us-east-1",
          LEASTWISE_ALLOW_PRIVATE_ENDPOINTS: "1",
        };
        const runs: Row[] = [];
        for (let i = 0; i < rounds; i++)
          runs.push(
            await generate(
              "leastwise generate --all-principals, fast S3 server, 25 ms a request",
              "s3://bench-trail",
              start,
              ["--all-principals", "--endpoint-url", fast.endpoint],
              env,
            ),
          );
        const m25 = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((rounds - 1) / 2)];
        manyRows.push({ ...m25, name: `${m25.name}, median of ${rounds}` });
        manyLines.push(
          `- all principals, S3 at 25 ms: read s ${runs.map((r) => fmt(r.ms / 1000, 2)).join(", ")} against ${fmt(s3Fast.ms / 1000, 2)} for one principal (median): ${fmt(m25.ms / s3Fast.ms, 2)}x (target <= 1.5)`,
        );
      } finally {
        await fast.stop();
      }
    }
    if (!v["no-4x"]) {
      const crowd = await corpus(out, mb * 4, days, 400);
      const r = await generate("leastwise generate --all-principals, local, 4x corpus with 400 background principals", crowd.dir, start, [
        "--all-principals",
      ]);
      manyRows.push(r);
      manyLines.push(`- all principals of the 4x corpus with 400 background principals: peak RSS ${fmt(r.rssMb)} MB (target <= 300)`);
    }
  }
  const bigRow = big ? await generate(`leastwise generate, local, 4x corpus`, big.dir, start) : undefined;
  const bigTenth = big ? await generate(`leastwise generate, local, 4x corpus, 1/10 of the days`, big.dir, tenthStart) : undefined;
  const b = best(base);
  const f = best(floors);
  const l = best(local);
  const t = best(tenth);
  const rows = [b, f, l, t, ...s3rows, ...manyRows, ...(bigRow ? [bigRow] : []), ...(bigTenth ? [bigTenth] : [])];
  const lines = [
    `corpus: ${manifest.files} files, ${fmt(manifest.bytesUncompressed / 1048576)} MB uncompressed (${fmt(manifest.bytesCompressed / 1048576, 1)} MB gzipped), ${manifest.events} events, ${days} days; ${rounds} round(s), best shown`,
    "",
    "| run | MB read | read s | MB/s (read) | ratio to baseline | scan s (to result) | wall s (process) | MB/s (wall) | events/s (read) | files/s (read) | CPU s | peak RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.mb)} | ${fmt(r.ms / 1000, 2)} | ${fmt(mbps(r))} | ${r === b ? "1.00" : fmt(mbps(r) / mbps(b), 2)} | ${fmt((r.scanMs ?? r.ms) / 1000, 2)} | ${fmt(r.wallMs / 1000, 2)} | ${fmt(mbps(r, r.wallMs))} | ${r.events ? fmt(r.events / (r.ms / 1000)) : "-"} | ${r.files ? fmt(r.files / (r.ms / 1000)) : "-"} | ${fmt(r.cpuS, 2)} | ${fmt(r.rssMb)} |`,
    ),
    "",
    ...s3lines,
    ...manyLines,
    `- local vs baseline (reading phase: listing, reading, inflating, sifting every file): ${fmt(mbps(l) / mbps(b), 2)}x (target >= 0.7); wall clock of the whole process (node start, tsx, IAM catalog load, policy build) vs the baseline process: ${fmt(mbps(l, l.wallMs) / mbps(b, b.wallMs), 2)}x`,
    `- floor vs baseline: ${fmt(mbps(f) / mbps(b), 2)}x best-vs-best, ${fmt(median(base.map((r, i) => mbps(floors[i]) / mbps(r))), 2)} paired median: no exact reading path can beat this here (it must at least parse the principal's records, and it also has to find them and accumulate them); local vs floor: ${fmt(mbps(l) / mbps(f), 2)}x`,
    `- peak RSS: ${fmt(l.rssMb)} MB (target <= 300)${bigRow ? `; 4x corpus ${fmt(bigRow.rssMb)} MB (${fmt((bigRow.rssMb / l.rssMb - 1) * 100, 1)}%, target within 20%)` : ""}`,
    `- 1/10 of the days: ${fmt((t.ms / l.ms) * 100, 1)}% of the full window's reading time, ${fmt((t.mb / l.mb) * 100, 1)}% of its bytes, ${fmt((t.wallMs / l.wallMs) * 100, 1)}% of its process wall time (target <= 15%)`,
    ...(bigRow && bigTenth
      ? [
          `- 4x corpus, 1/10 of the days: ${fmt((bigTenth.ms / bigRow.ms) * 100, 1)}% of the full window's reading time, ${fmt((bigTenth.wallMs / bigRow.wallMs) * 100, 1)}% of its process wall time`,
        ]
      : []),
    `- paired ratio (each round's local run over the baseline run just before it), median of ${rounds}: ${fmt(median(base.map((r, i) => mbps(local[i]) / mbps(r))), 2)}; load average (1 min) at the start of each round: ${loads.join(", ")}`,
    `- all rounds, baseline MB/s: ${base.map((r) => fmt(mbps(r))).join(", ")}; local MB/s: ${local.map((r) => fmt(mbps(r))).join(", ")}; ratio of each round's pair (run back to back): ${base.map((r, i) => fmt(mbps(local[i]) / mbps(r), 2)).join(", ")}`,
    `- machine: ${busyBefore ? `load average ${loadBefore} at start, ${loadavg()[0].toFixed(2)} at end; busiest processes at start: ${busyBefore}` : ""}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  await writeFile(path.join(out, "bench-results.md"), `${lines.join("\n")}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exit(1);
});
