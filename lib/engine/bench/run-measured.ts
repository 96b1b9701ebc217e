import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

export interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** peak resident set size of the child, in MB (GNU time's "Maximum resident set size") */
  peakRssMb: number;
  /** CPU seconds of the child (user + system, all threads), from GNU time; NaN without it */
  cpuS: number;
}

const GNU_TIME = "/usr/bin/time";

/**
 * Runs a command as a child process and measures its wall time and peak RSS. Uses GNU time -v when
 * present (it reads the kernel's ru_maxrss of the child, worker threads included); otherwise polls
 * /proc/<pid>/status VmHWM.
 */
export function runMeasured(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ["-v", cmd, ...args]] : [cmd, args];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    let hwm = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          readFile(`/proc/${child.pid}/status`, "utf8").then(
            (status) => {
              const m = /VmHWM:\s+(\d+) kB/.exec(status);
              if (m) hwm = Math.max(hwm, Number(m[1]));
            },
            () => {}, // the process is gone
          );
        }, 20);
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const wallMs = performance.now() - started;
      let stderr = Buffer.concat(err).toString();
      let peakKb = hwm;
      let cpuS = Number.NaN;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        peakKb = m ? Number(m[1]) : 0;
        stderr = stderr.slice(0, Math.max(0, stderr.lastIndexOf("\tCommand being timed:")));
        const user = /User time \(seconds\): ([\d.]+)/.exec(Buffer.concat(err).toString());
        const sys = /System time \(seconds\): ([\d.]+)/.exec(Buffer.concat(err).toString());
        if (user && sys) cpuS = Number(user[1]) + Number(sys[1]);
        const exit = /Exit status: (\d+)/.exec(Buffer.concat(err).toString());
        if (exit) code = Number(exit[1]);
      }
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString(), stderr, wallMs, peakRssMb: peakKb / 1024, cpuS });
    });
  });
}
