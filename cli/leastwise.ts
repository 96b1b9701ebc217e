// leastwise CLI dispatcher: `npm run -s leastwise -- <command> ...` or `node cli/leastwise.mjs <command> ...`.
import "../lib/catalog-cache/install"; // first: the IAM catalog loads from its snapshot file
import "../lib/catalog-update/install"; // a refreshed operation map in the data directory, if any
import { quietNodeWarnings } from "./output";

const USAGE = `usage: leastwise <command> [options]

commands:
  generate   read a trail's logs and print a least-privilege policy for a role or user
  keys       manage API keys of the Access Analyzer-compatible API
  catalog    show the IAM data in use, or refresh AWS's operation map (catalog update)

run "leastwise <command> --help" for a command's options`;

async function main(argv: string[]): Promise<number> {
  quietNodeWarnings();
  const [command, ...rest] = argv;
  switch (command) {
    case "generate":
      return (await import("./generate")).generateCommand(rest);
    case "keys":
      return (await import("./keys")).keysCommand(rest);
    case "catalog":
      return (await import("./catalog")).catalogCommand(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`leastwise: unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`leastwise: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
