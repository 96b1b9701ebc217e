import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ScanError } from "@/lib/engine/errors";
import type { LogFileRef, LogStore } from "./log-store";

/** A trail copied to a local directory (e.g. with `aws s3 sync`), same layout as the bucket. */
export class LocalLogStore implements LogStore {
  readonly label: string;
  listCalls = 0;

  constructor(private readonly dir: string) {
    this.label = dir;
  }

  async checkRoot(): Promise<void> {
    let st;
    try {
      st = await stat(this.dir);
    } catch (e) {
      throw fsError(e, this.dir, "log directory");
    }
    if (!st.isDirectory()) throw new ScanError("RESOURCE_NOT_FOUND", `${this.dir} is not a directory`);
  }

  async listFolders(prefix: string): Promise<string[]> {
    const entries = await this.read(prefix);
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  }

  async listFiles(prefix: string): Promise<LogFileRef[]> {
    const entries = await this.read(prefix);
    const out: LogFileRef[] = [];
    for (const e of entries) {
      const key = prefix + e.name;
      if (e.isDirectory()) {
        // Nested folders are not part of the layout; surface them so the caller can warn.
        out.push({ key: `${key}/`, size: -1 });
      } else if (e.isFile()) {
        // The size is not needed before reading; a stat per file would double the listing's cost.
        out.push({ key, size: 0 });
      }
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private async read(prefix: string) {
    this.listCalls++;
    try {
      return await readdir(path.join(this.dir, prefix), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return [];
      throw fsError(e, path.join(this.dir, prefix), "folder");
    }
  }
}

function fsError(e: unknown, where: string, what: string): ScanError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return new ScanError("RESOURCE_NOT_FOUND", `${what} ${where} does not exist`, { cause: e });
  if (code === "EACCES" || code === "EPERM")
    return new ScanError("ACCESS_DENIED", `permission denied reading ${what} ${where}`, { cause: e });
  return new ScanError("SERVICE", `cannot read ${what} ${where}: ${(e as Error).message}`, { cause: e });
}
