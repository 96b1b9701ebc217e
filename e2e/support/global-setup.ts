import { mkdirSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";

/**
 * Creates the screenshots folder and starts a "black hole" S3 endpoint: it accepts connections and
 * never answers, so a generation reading a trail there stays in progress until it is canceled.
 * That makes the cancel test deterministic however fast the engine is.
 */
export default async function globalSetup() {
  mkdirSync(fileURLToPath(new URL("../screenshots", import.meta.url)), { recursive: true });
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  process.env.LEASTWISE_E2E_BLACKHOLE = `http://127.0.0.1:${port}`;
  return async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
