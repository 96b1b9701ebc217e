// npm run -s corpus -- --out DIR --days N --seed S [--size-mb M] [--end-date ISO] [--files-per-day N]
//   [--accounts a,b] [--regions r1,r2] [--principal ARN=profile ...] [--no-tricky] [--pretty-files N]
//   [--prefix P] [--org-id o-...]
import { parseArgs } from "node:util";
import { generateCorpus } from "@/lib/corpus/generate-corpus";
import { PROFILE_NAMES, type ProfileName } from "@/lib/corpus/profiles";

function fail(msg: string): never {
  process.stderr.write(`corpus: ${msg}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: "string" },
        days: { type: "string" },
        seed: { type: "string" },
        "size-mb": { type: "string" },
        "end-date": { type: "string" },
        "files-per-day": { type: "string" },
        accounts: { type: "string" },
        regions: { type: "string" },
        principal: { type: "string", multiple: true },
        "no-tricky": { type: "boolean" },
        "pretty-files": { type: "string" },
        prefix: { type: "string" },
        "org-id": { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(
      "usage: npm run -s corpus -- --out DIR --days N --seed S [--size-mb M] [--end-date ISO] [--principal ARN=profile]...\n",
    );
    return;
  }
  if (!args.out) fail("--out DIR is required");
  const int = (name: string, v: string | undefined, def?: number) => {
    if (v === undefined) return def ?? fail(`--${name} is required`);
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number`);
    return n;
  };
  const endDate = args["end-date"] ? new Date(args["end-date"]) : undefined;
  if (endDate && Number.isNaN(endDate.getTime())) fail("--end-date is not a date");
  const principals = args.principal?.map((p) => {
    const [arn, profile = "backend"] = p.split("=");
    if (!PROFILE_NAMES.includes(profile as ProfileName)) fail(`unknown profile ${profile} (one of ${PROFILE_NAMES.join(", ")})`);
    return { arn, profile: profile as ProfileName };
  });
  const started = Date.now();
  const m = await generateCorpus({
    outDir: args.out,
    days: int("days", args.days),
    seed: int("seed", args.seed),
    sizeMb: args["size-mb"] ? int("size-mb", args["size-mb"]) : undefined,
    endDate,
    filesPerDay: args["files-per-day"] ? int("files-per-day", args["files-per-day"]) : undefined,
    accounts: args.accounts?.split(","),
    regions: args.regions?.split(","),
    principals,
    tricky: !args["no-tricky"],
    prettyFiles: args["pretty-files"] ? int("pretty-files", args["pretty-files"]) : undefined,
    prefix: args.prefix,
    orgId: args["org-id"],
  });
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  process.stderr.write(
    `corpus: ${m.files} log files (+${m.digestFiles} digests), ${m.events} events, ${mb(m.bytesUncompressed)} MB (${mb(m.bytesCompressed)} MB gzipped) in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${args.out}\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`corpus: ${(e as Error).message}\n`);
  process.exit(1);
});
