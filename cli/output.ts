import type { ScanStats } from "@/lib/core/types";

/** The AWS SDK warns about Node 20 on every run; it is noise for a CLI user (and breaks nothing). */
export function quietNodeWarnings(): void {
  process.removeAllListeners("warning");
  process.on("warning", (w) => {
    if (/NodeVersionSupportWarning/.test(w.message)) return;
    process.stderr.write(`leastwise: ${w.name}: ${w.message}\n`);
  });
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

export function statsLine(s: ScanStats): string {
  const total = s.filesTotal || s.filesListed;
  return `files ${s.filesRead}/${total}${s.filesTotal ? "" : "+"}  ${mb(s.bytesUncompressed)} MB  events ${s.eventsRead.toLocaleString("en-US")}  matched ${s.eventsMatched.toLocaleString("en-US")}${s.filesSkipped ? `  skipped ${s.filesSkipped}` : ""}`;
}

/** A one-line progress bar on a terminal's stderr; nothing when stderr is a pipe or a file. */
export class ProgressBar {
  private readonly tty = Boolean(process.stderr.isTTY);
  private shown = false;

  update(s: ScanStats): void {
    if (!this.tty) return;
    const total = s.filesTotal || s.filesListed;
    const frac = total ? s.filesRead / total : 0;
    const width = 24;
    const filled = Math.round(frac * width);
    const bar = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${s.filesTotal ? `${Math.floor(frac * 100)}%` : "listing"}`;
    process.stderr.write(`\r\x1b[2K${bar}  ${statsLine(s)}`);
    this.shown = true;
  }

  clear(): void {
    if (this.tty && this.shown) process.stderr.write("\r\x1b[2K");
    this.shown = false;
  }
}
