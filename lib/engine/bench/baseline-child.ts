// Child process of the benchmark's baseline: nothing loaded but what inflating needs.
import { inflateBaseline, listTrailFiles } from "./inflate-baseline";

const files = listTrailFiles(process.argv[2]);
const r = await inflateBaseline({ files });
process.stdout.write(JSON.stringify({ files: files.length, ...r }));
