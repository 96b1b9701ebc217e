// Sends a raw SigV4-signed request (for protocol cases no SDK would produce: unknown actions,
// bodies that are not JSON), signed with the maintained @smithy/signature-v4 implementation.
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";

export async function signedFetch(options: {
  url: string;
  service: string;
  body: string;
  headers: Record<string, string>;
  credentials: { accessKeyId: string; secretAccessKey: string };
}): Promise<Response> {
  const url = new URL(options.url);
  const signer = new SignatureV4({ service: options.service, region: "us-east-1", credentials: options.credentials, sha256: Sha256 });
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, ...options.headers },
    body: options.body,
  });
  return fetch(url, { method: "POST", headers: signed.headers as Record<string, string>, body: options.body });
}
