// Runs s3rver in its own Node process (started with --openssl-legacy-provider: s3rver encrypts
// ListObjectsV2 continuation tokens with DES, which Node 20 only allows with that flag) and prints
// {"port": N} on stdout once it listens. It stops when its parent closes stdin.
import S3rver from "s3rver";

const dir = process.argv[2];
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, resetOnClose: true });
const addr = await server.run();
process.stdout.write(`${JSON.stringify({ port: addr.port })}\n`);
process.stdin.resume();
process.stdin.on("end", async () => {
  await server.close().catch(() => {});
  process.exit(0);
});
