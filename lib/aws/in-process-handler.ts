// An SDK request handler that delivers requests to Leastwise's local AWS endpoint inside this
// process instead of over a socket. Everything else is the SDK's real code path: serialization,
// SigV4 signing with the internal credential, the endpoint's signature check, XML/JSON parsing and
// error mapping. It lets the worker, the CLI and the web server use the local account without
// knowing the server's port.
import { Readable } from "node:stream";
import type { HttpRequest, HttpResponse } from "@smithy/types";

export type WebHandler = (request: Request) => Promise<Response>;

export function inProcessRequestHandler(load: () => Promise<WebHandler>) {
  return {
    metadata: { handlerProtocol: "h1" },
    async handle(request: HttpRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: HttpResponse }> {
      const handler = await load();
      const query = Object.entries(request.query ?? {})
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(x ?? "")}`))
        .join("&");
      const port = request.port ? `:${request.port}` : "";
      const url = `${request.protocol}//${request.hostname}${port}${request.path}${query ? `?${query}` : ""}`;
      const body = request.body === undefined || request.body === null ? undefined : (request.body as BodyInit);
      const response = await handler(
        new Request(url, { method: request.method, headers: request.headers, body, signal: options?.abortSignal }),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => (headers[key] = value));
      const bytes = Buffer.from(await response.arrayBuffer());
      return { response: { statusCode: response.status, reason: response.statusText, headers, body: Readable.from([bytes]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
  };
}
