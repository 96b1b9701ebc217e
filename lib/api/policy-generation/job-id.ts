/** The {jobId} of /policy/generation/{jobId}, decoded. */
export function jobIdFromPath(pathname: string): string {
  const last = pathname.replace(/\/+$/, "").split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
