// Serves a web-standard handler on node:http (127.0.0.1, a free port): the local endpoint in tests
// and anywhere Next is not running. Bodies are streamed to the handler, which caps them (413).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { discardUnreadBody } from "@/lib/api/node-adapter";

export type WebHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  origin: string;
  port: number;
  stop(): Promise<void>;
}

export async function serveWebHandler(handler: WebHandler, options: { port?: number } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
    discardUnreadBody(req, res);
    toWebRequest(req)
      .then(handler)
      .then((response) => writeResponse(response, res))
      .catch((error: unknown) => {
        const status = (error as { status?: number }).status ?? 500;
        if (!res.headersSent) res.writeHead(status, { "content-type": "text/plain" });
        res.end(status === 413 ? "Request body too large" : "Internal error");
        if (status >= 500) console.error("[local-aws] request failed", error);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const url = `http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  // The body stays a stream, as in Next: the handler checks the signature first and caps what it reads.
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
