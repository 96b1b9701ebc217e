/** Only same-origin paths are followed after sign-in, never another site ("//evil", "https://..."). */
export function safeReturnPath(value: string | undefined | null, fallback = "/roles"): string {
  if (!value) return fallback;
  let path = value;
  try {
    // next-auth hands back absolute URLs of our own origin; keep only their path.
    if (/^https?:\/\//i.test(value)) {
      const u = new URL(value);
      path = u.pathname + u.search + u.hash;
    }
  } catch {
    return fallback;
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  if (path.startsWith("/signin") || path.startsWith("/api/auth")) return fallback;
  return path;
}
