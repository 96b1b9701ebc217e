// Reads a request body up to a size cap while hashing it, so an oversized upload is refused after
// at most `maxBytes` (plus one chunk) were read, never buffered whole. A declared Content-Length
// over the cap is refused before reading anything.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

export const PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";

export function payloadTooLarge(maxBytes: number): AppError {
  return new AppError(PAYLOAD_TOO_LARGE, `The request body is larger than this API accepts (${maxBytes} bytes).`, {
    status: 413,
    details: { awsErrorType: "RequestEntityTooLargeException", maxBytes },
  });
}

export async function readBoundedBody(req: Request, maxBytes: number): Promise<{ body: Uint8Array; sha256: string }> {
  const hash = createHash("sha256");
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    throw payloadTooLarge(maxBytes);
  }
  if (!req.body) return { body: new Uint8Array(), sha256: hash.digest("hex") };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Stop reading, without cancelling: a cancel would destroy the socket before the 413 is sent.
      // The server drops the rest of the upload once the response is written.
      reader.releaseLock();
      throw payloadTooLarge(maxBytes);
    }
    hash.update(value);
    chunks.push(value);
  }
  return { body: Buffer.concat(chunks), sha256: hash.digest("hex") };
}
