// IAM returns policy documents URL-encoded (RFC 3986); this turns one back into pretty JSON.
export function decodePolicyDocument(encoded: string | undefined): string {
  if (!encoded) return "";
  let text = encoded;
  try {
    text = decodeURIComponent(encoded);
  } catch {
    // already decoded (some S3-compatible IAM stand-ins send plain JSON)
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
