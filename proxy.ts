import { NextResponse, type NextRequest } from "next/server";

// A convenience redirect to the sign-in page for visitors without a session cookie. It is NOT the
// access check: every page, server action and route handler verifies the session itself.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasCookie = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasCookie) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Console pages only: the API (/policy), the local AWS endpoint, next-auth and assets are left alone.
  matcher: ["/((?!api/|policy|local-aws|signin|_next/|favicon|.*\\.(?:js|css|png|svg|ico|woff2?|map)$).*)"],
};
