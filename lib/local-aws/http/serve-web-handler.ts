// Serves a web-standard handler on node:http (127.0.0.1, a free port): the local endpoint in tests
// and anywhere Next is not running. Bodies are small (IAM/CloudTrail requests), so they are buffered.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WebHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  origin: string;
  port: number;
  stop(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function serveWebHandler(handler: WebHandler, options: { port?: number } = {}): Promise<RunningServer> {
  const server = createServer((req, res) => {
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  const url = `http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  headers["content-length"] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}
