import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/content-security-policy";

// Two jobs for every page request: (1) the Content-Security-Policy with a fresh nonce (Next reads
// it from the request header and puts it on its scripts); (2) a convenience redirect to the sign-in
// page for visitors without a session cookie. (2) is NOT the access check: every page, server
// action and route handler verifies the session itself, against the database.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname !== "/signin" && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: the API (/policy), the local AWS endpoint, the console's route handlers and
  // next-auth (/api), and assets get their headers from next.config.js.
  matcher: ["/((?!api/|policy(?:/|$)|local-aws(?:/|$)|_next/|favicon|.*\\.(?:js|css|png|svg|ico|woff2?|ttf|map)$).*)"],
};
