// CSRF protection of the console's state-changing route handlers, the same rule Next applies to
// server actions: the browser's Origin must be this site's own host (x-forwarded-host behind a
// proxy, else Host), and the body must be JSON (a cross-site form or a text/plain beacon is refused
// before anything is read). Cookies are SameSite=Lax, but a page on another port of the same host
// is "same-site": only the Origin tells it apart.
import { AppError } from "@/lib/errors";

export function assertSameOriginJson(request: Request): void {
  const origin = request.headers.get("origin");
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? "").split(",")[0].trim().toLowerCase();
  let originHost: string | null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host.toLowerCase() : null;
  } catch {
    originHost = null;
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (!originHost || !host || originHost !== host || (fetchSite !== null && fetchSite !== "same-origin")) {
    throw new AppError(
      "FORBIDDEN",
      "This request did not come from the Leastwise console (its Origin is another site). Reload the console and try again.",
      { status: 403 },
    );
  }
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON (Content-Type: application/json).", { status: 415 });
  }
}
