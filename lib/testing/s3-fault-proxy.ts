import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxiedRequest {
  method: string;
  path: string; // path and query, as received
}

export type FaultMode =
  | { kind: "none" }
  /** every request answers 403 AccessDenied, as S3 does without s3:ListBucket / s3:GetObject */
  | { kind: "deny"; methods?: string[]; match?: RegExp }
  /** the first `times` requests of each distinct path answer 503 SlowDown (S3 throttling) */
  | { kind: "slowdown"; times: number }
  /** every response waits `ms` (a slow network), to observe cancellation mid-scan */
  | { kind: "delay"; ms: number };

export interface FaultProxy {
  endpoint: string;
  requests: ProxiedRequest[];
  setMode(m: FaultMode): void;
  stop(): Promise<void>;
}

/**
 * A real HTTP server in front of s3rver that records every request and can answer like S3 does
 * when access is denied or when it throttles (s3rver does neither). Requests are forwarded
 * unchanged, Host header included, so SigV4 signatures stay valid.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const t = new URL(target);
  const requests: ProxiedRequest[] = [];
  const seen = new Map<string, number>();
  let mode: FaultMode = { kind: "none" };
  const server = http.createServer((req, res) => {
    const entry = { method: req.method ?? "GET", path: req.url ?? "/" };
    requests.push(entry);
    const xml = (status: number, code: string, message: string) => {
      req.resume();
      res.writeHead(status, { "content-type": "application/xml", "x-amz-request-id": "FAULTPROXY" });
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>FAULTPROXY</RequestId></Error>`,
      );
    };
    if (mode.kind === "deny" && (!mode.methods || mode.methods.includes(entry.method)) && (!mode.match || mode.match.test(entry.path))) {
      return xml(403, "AccessDenied", "Access Denied");
    }
    if (mode.kind === "slowdown") {
      const n = seen.get(entry.path) ?? 0;
      seen.set(entry.path, n + 1);
      if (n < mode.times) return xml(503, "SlowDown", "Please reduce your request rate.");
    }
    const forward = () => {
      const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      });
      up.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    };
    if (mode.kind === "delay") setTimeout(forward, mode.ms);
    else forward();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    setMode(m) {
      mode = m;
      seen.clear();
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
