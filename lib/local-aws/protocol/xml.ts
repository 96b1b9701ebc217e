// Serializes plain values into the XML that the awsQuery protocol uses: structures become elements
// named after their members, lists become <member> elements, timestamps ISO-8601 without
// milliseconds (as IAM sends them), booleans "true"/"false". Undefined and null members are omitted,
// which is how IAM leaves out optional fields.

export type XmlValue = string | number | boolean | Date | null | undefined | XmlValue[] | { [key: string]: XmlValue };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function toXml(name: string, value: XmlValue): string {
  if (value === undefined || value === null) return "";
  return `<${name}>${innerXml(value)}</${name}>`;
}

function innerXml(value: XmlValue): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((item) => toXml("member", item)).join("");
  if (value instanceof Date) return formatTimestamp(value);
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join("");
  }
  return escapeXml(String(value));
}

export const IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
export const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** `<ActionResponse><ActionResult>..</ActionResult><ResponseMetadata>..` as IAM answers. */
export function queryResponseXml(
  action: string,
  result: Record<string, XmlValue> | null,
  requestId: string,
  namespace = IAM_NAMESPACE,
): string {
  const resultXml = result === null ? "" : toXml(`${action}Result`, result);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${namespace}">${resultXml}` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${action}Response>`
  );
}

export function queryErrorXml(
  error: { type: "Sender" | "Receiver"; code: string; message: string },
  requestId: string,
  namespace = IAM_NAMESPACE,
): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
