import { API_MAX_BODY_BYTES, verifySigV4Request } from "@/lib/auth/sigv4-verify";

export const SIGNING_SERVICE = "access-analyzer";

/** Verifies the request's SigV4 signature; returns who asks ("apikey:<id>") and the raw body. */
export async function authenticate(req: Request): Promise<{ requestedBy: string; body: Uint8Array }> {
  // The signed headers are checked before the body is read, and the body is capped (413).
  const { accessKeyId, body } = await verifySigV4Request(req, { service: SIGNING_SERVICE, maxBodyBytes: API_MAX_BODY_BYTES });
  return { requestedBy: `apikey:${accessKeyId}`, body };
}
