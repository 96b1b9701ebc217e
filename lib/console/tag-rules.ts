// IAM's rules for tags (CreatePolicy, TagRole, ...), checked in the browser before anything is sent,
// with messages a person can act on instead of IAM's raw regular expression.
//   keys: 1-128 characters, values: 0-256, both of letters, digits, spaces and _ . : / = + - @
//   a key may not start with "aws:" (reserved for AWS), keys are unique ignoring case, at most 50.
export const MAX_TAGS = 50;
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export interface TagProblem {
  index: number;
  field: "key" | "value";
  message: string;
}

export function tagProblems(tags: { key: string; value: string }[]): TagProblem[] {
  const out: TagProblem[] = [];
  const seen = new Map<string, number>();
  tags.forEach((t, index) => {
    const key = t.key.trim();
    if (key === "" && t.value.trim() === "") return; // an empty row is ignored
    if (key === "") out.push({ index, field: "key", message: "Enter a key (a tag with a value needs one)." });
    else if (key.length > 128) out.push({ index, field: "key", message: `The key has ${key.length} characters; at most 128.` });
    else if (!ALLOWED.test(key))
      out.push({
        index,
        field: "key",
        message: `The key may contain only letters, digits, spaces and _ . : / = + - @ (not ${badChars(key)}).`,
      });
    else if (/^aws:/i.test(key)) out.push({ index, field: "key", message: 'Keys starting with "aws:" are reserved for AWS.' });
    else if (seen.has(key.toLowerCase()))
      out.push({
        index,
        field: "key",
        message: `Duplicate key: tag ${seen.get(key.toLowerCase())! + 1} has the key "${key}" already (keys ignore case).`,
      });
    if (key) seen.set(key.toLowerCase(), seen.get(key.toLowerCase()) ?? index);
    if (t.value.length > 256) out.push({ index, field: "value", message: `The value has ${t.value.length} characters; at most 256.` });
    else if (!ALLOWED.test(t.value))
      out.push({
        index,
        field: "value",
        message: `The value may contain only letters, digits, spaces and _ . : / = + - @ (not ${badChars(t.value)}).`,
      });
  });
  const used = tags.filter((t) => t.key.trim() !== "" || t.value.trim() !== "").length;
  if (used > MAX_TAGS)
    out.push({ index: MAX_TAGS, field: "key", message: `IAM allows at most ${MAX_TAGS} tags; remove ${used - MAX_TAGS}.` });
  return out;
}

function badChars(s: string): string {
  return [...new Set([...s].filter((c) => !ALLOWED.test(c)))].map((c) => `"${c}"`).join(" ");
}
