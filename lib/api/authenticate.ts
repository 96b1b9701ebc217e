import { verifySigV4Request } from "@/lib/auth/sigv4-verify";

export const SIGNING_SERVICE = "access-analyzer";

/** Verifies the request's SigV4 signature; returns who asks ("apikey:<id>") and the raw body. */
export async function authenticate(req: Request): Promise<{ requestedBy: string; body: Uint8Array }> {
  const body = new Uint8Array(await req.arrayBuffer());
  const { accessKeyId } = await verifySigV4Request(req, { service: SIGNING_SERVICE, body });
  return { requestedBy: `apikey:${accessKeyId}`, body };
}
