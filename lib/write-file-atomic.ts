import { renameSync, writeFileSync, type WriteFileOptions } from "node:fs";

/**
 * Writes through a temporary file beside the target and a rename (atomic on one file system), so a
 * reader in this or another process sees the old file, none, or the whole new one, never half of it.
 * The temporary name is unique per process and call, so concurrent writers do not share one.
 */
export function writeFileAtomic(target: string, contents: string | Uint8Array, options?: WriteFileOptions): void {
  const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, contents, options);
  renameSync(tmp, target);
}
