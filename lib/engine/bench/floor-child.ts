// Child process of the benchmark's floor row: the least any exact reading path must do here (read,
// gunzip, and JSON.parse of the principal's records), measured like the baseline. The byte ranges of
// the principal's records are found first, untimed, with a full parse of every file.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { parsePrincipalArn } from "@/lib/core/arn";
import { recordMatchesPrincipal } from "@/lib/core/principal";
import type { CloudTrailRecord } from "@/lib/core/types";
import { inflateBaseline, listTrailFiles } from "./inflate-baseline";

const [dir, arn] = process.argv.slice(2);
const principal = parsePrincipalArn(arn);
const files = listTrailFiles(dir);
const START = '{"eventVersion":"';

/** [start, end) of each of the principal's records in the inflated file (CloudTrail's compact layout). */
function principalRanges(file: string): Int32Array {
  const text = gunzipSync(readFileSync(file));
  const records = (JSON.parse(text.toString("utf8")) as { Records: CloudTrailRecord[] }).Records;
  const out: number[] = [];
  let from = 0;
  for (const r of records) {
    const at = text.indexOf(`"eventID":${JSON.stringify(r.eventID)}`, from);
    if (at < 0) throw new Error(`${file}: record ${r.eventID} not found in the text`);
    const start = text.lastIndexOf(START, at);
    const sep = text.indexOf(`},${START}`, at);
    const end = sep < 0 ? text.lastIndexOf("]") : sep + 1;
    from = end;
    if (recordMatchesPrincipal(r, principal)) out.push(start, end);
  }
  return Int32Array.from(out);
}

const r = await inflateBaseline({ files, ranges: files.map(principalRanges) });
process.stdout.write(JSON.stringify({ files: files.length, ...r }));
