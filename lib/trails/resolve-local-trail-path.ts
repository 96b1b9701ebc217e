// Where local trails may be (issue 11, item 7): under one administrator-configured root,
// LEASTWISE_LOCAL_TRAILS_ROOT (default: <LEASTWISE_DATA_DIR>/trails). Real paths are compared, so a
// symbolic link out of the root is refused; `..` in a prefix is refused; and a path outside the
// root gets the same answer whether it exists or not (nothing outside the root is even looked at
// when the path is lexically outside it).
import { readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export function localTrailsRoot(options: { dataDir?: string } = {}): string {
  const e = env();
  return path.resolve(e.LEASTWISE_LOCAL_TRAILS_ROOT ?? path.join(options.dataDir ?? e.LEASTWISE_DATA_DIR, "trails"));
}

const isInside = (p: string, root: string) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * The real path of `p`; for a path that does not exist (yet), its nearest existing ancestor's real
 * path plus the rest. A dangling symbolic link counts as its target, so it cannot pose as inside.
 */
async function realPathOfPossiblyMissing(p: string, depth = 0): Promise<string> {
  if (depth > 64) throw Object.assign(new Error(`too many levels of symbolic links: ${p}`), { code: "ELOOP" });
  try {
    return await realpath(p);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    const link = await readlink(p).catch(() => undefined);
    if (link !== undefined) return realPathOfPossiblyMissing(path.resolve(path.dirname(p), link), depth + 1);
    const parent = path.dirname(p);
    if (parent === p) return p;
    return path.join(await realPathOfPossiblyMissing(parent, depth + 1), path.basename(p));
  }
}

/** A prefix of a local trail: relative, no `.` or `..` segment, no NUL. */
export function checkLocalTrailPrefix(prefix: string | undefined): void {
  if (!prefix) return;
  if (prefix.includes("\0") || prefix.split(/[/\\]+/).some((segment) => segment === ".." || segment === ".")) {
    throw new AppError("VALIDATION", `The prefix "${prefix}" may not contain "." or ".." segments.`, { field: "prefix" });
  }
}

/**
 * Checks a local trail's directory (and prefix) against the root; returns the directory's real
 * path, which is what the engine then reads. Throws a VALIDATION AppError (field "dir").
 */
export async function resolveLocalTrailPath(options: { dir: string; prefix?: string; root?: string }): Promise<{ dir: string }> {
  const { dir, prefix } = options;
  if (!dir || !path.isAbsolute(dir) || dir.includes("\0"))
    throw new AppError("VALIDATION", "The log directory must be an absolute path.", { field: "dir" });
  checkLocalTrailPrefix(prefix);
  const root = options.root ?? localTrailsRoot();
  const outside = new AppError(
    "VALIDATION",
    `The log directory ${dir} is not inside the local trails root ${root}. Put the trail's logs under that directory (real paths count: a symbolic link out of it is refused), or ask the administrator to set LEASTWISE_LOCAL_TRAILS_ROOT.`,
    { field: "dir" },
  );
  const realRoot = await realPathOfPossiblyMissing(root);
  const targets = [path.resolve(dir), path.resolve(dir, prefix ?? "")];
  if (!targets.every((t) => isInside(t, root) || isInside(t, realRoot))) throw outside;
  let real: string[];
  try {
    real = await Promise.all(targets.map(realPathOfPossiblyMissing));
  } catch {
    // A loop of links or an unreadable component below the root: the same answer as outside it.
    throw outside;
  }
  if (!real.every((t) => isInside(t, realRoot))) throw outside;
  return { dir: real[0] };
}
