// Checks of a create-managed-policies request that need no AWS call, so mistakes surface on the
// right field before anything is created. IAM checks everything again.
import { AppError } from "@/lib/errors";

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\x21-\x7E]+\/)$/;
const MAX_CHARS = 6144;

/** `base` for one document; `base-1`, `base-2`, ... for a split policy. */
export function policyNames(baseName: string, count: number): string[] {
  return count === 1 ? [baseName] : Array.from({ length: count }, (_, i) => `${baseName}-${i + 1}`);
}

export function checkPolicyInputs(options: {
  baseName: string;
  path?: string;
  description?: string;
  tags?: { key: string; value: string }[];
  documents: string[];
}): void {
  const { baseName, documents } = options;
  if (documents.length === 0) throw new AppError("VALIDATION", "There is no policy document to create.", { field: "document" });
  if (!baseName) throw new AppError("VALIDATION", "Enter a policy name.", { field: "name" });
  if (!NAME.test(baseName)) {
    throw new AppError("VALIDATION", "The policy name may contain only letters, digits and + = , . @ _ - (no spaces).", { field: "name" });
  }
  const longest = policyNames(baseName, documents.length).reduce((a, b) => (b.length > a.length ? b : a));
  if (longest.length > 128) {
    throw new AppError("VALIDATION", `The policy name is too long: "${longest}" has ${longest.length} characters, IAM allows 128.`, {
      field: "name",
    });
  }
  if (options.path !== undefined && (!PATH.test(options.path) || options.path.length > 512)) {
    throw new AppError("VALIDATION", 'The path must be "/" or start and end with "/", e.g. /team/, using printable characters.', {
      field: "path",
    });
  }
  if (options.description !== undefined && options.description.length > 1000) {
    throw new AppError("VALIDATION", `The description is too long: ${options.description.length} characters, IAM allows 1,000.`, {
      field: "description",
    });
  }
  if ((options.tags?.length ?? 0) > 50) throw new AppError("VALIDATION", "IAM allows at most 50 tags on a policy.", { field: "tags" });
  documents.forEach((doc, i) => {
    const which = documents.length > 1 ? ` ${i + 1}` : "";
    try {
      JSON.parse(doc);
    } catch (error) {
      throw new AppError("VALIDATION", `Policy document${which} is not valid JSON: ${(error as Error).message}`, {
        field: "document",
        details: { documentIndex: i },
      });
    }
    const chars = doc.replace(/\s/g, "").length;
    if (chars > MAX_CHARS) {
      throw new AppError(
        "VALIDATION",
        `Policy document${which} has ${chars.toLocaleString("en-US")} characters (white space not counted); a managed policy allows 6,144. Split it or remove actions.`,
        { field: "document", details: { documentIndex: i } },
      );
    }
  });
}
