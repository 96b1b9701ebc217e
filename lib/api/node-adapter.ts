// Mounts a web-standard handler in a node:http server (tests, the API benchmark): the same
// handlers Next's route handlers call.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

export async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  // The body stays a stream, as in Next: the handlers check the signature first and cap what they read.
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function serveHandler(
  handler: (req: Request) => Promise<Response | null>,
  port = 0,
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    discardUnreadBody(req, res);
    void (async () => {
      try {
        const response = (await handler(await toWebRequest(req))) ?? new Response("Not Found", { status: 404 });
        await sendWebResponse(res, response);
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A handler that answers before reading the body (a refused signature, a 413) leaves the rest of
 * the upload in the socket, and the keep-alive connection would stall: once answered, whatever is
 * left is read and dropped (never buffered), as Node does for bodies nobody started reading.
 */
export function discardUnreadBody(req: IncomingMessage, res: ServerResponse): void {
  res.once("finish", () => {
    if (req.readableEnded || req.destroyed) return;
    req.removeAllListeners("data");
    req.on("data", () => {});
    req.resume();
  });
}
