// Where to go after sign-in. The value comes from the address bar (callbackUrl). Control characters
// send it to the start page; otherwise it is parsed exactly as a browser parses a Location header (the WHATWG URL parser: tabs and newlines removed,
// backslashes read as slashes, leading control characters and spaces dropped, dot segments
// resolved) and followed only when it stays on this origin. The answer is the parser's own
// serialization of the path, which a browser reads back the same way.
const BASE = "http://leastwise.invalid";
const MAX_LENGTH = 2048;

export function safeReturnPath(value: string | undefined | null, fallback = "/roles", options: { allowSignIn?: boolean } = {}): string {
  if (!value || value.length > MAX_LENGTH) return fallback;
  // A control character (tab, CR, LF, NUL...) has no business in a link: the start page, cleanly.
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\x00-\x1f\x7f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
    // next-auth hands back absolute URLs of our own origin: keep only their path, then check that.
    // eslint-disable-next-line no-control-regex -- leading control characters, as browsers strip them
    if (url.origin !== BASE && /^(https?):$/.test(url.protocol) && /^[\s\x00-\x1f]*https?:/i.test(value)) {
      url = new URL(url.pathname + url.search + url.hash, BASE);
    }
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // "/.//evil" resolves to the path "//evil", which a browser would read as another host.
  if (!url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  const path = url.pathname + url.search + url.hash;
  if (/^\/api\/auth(\/|$)/i.test(url.pathname)) return fallback;
  if (!options.allowSignIn && /^\/signin(\/|$)/i.test(url.pathname)) return fallback;
  return path;
}
