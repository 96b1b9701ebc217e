// Request parsing with zod, reporting problems as ValidationException fieldLists.
import type { z } from "zod";
import { AppError } from "@/lib/errors";

export function parseJsonBody(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body).trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", { details: { reason: "cannotParse" } });
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fieldList = r.error.issues.map((i) => ({
    name: i.path.length ? i.path.join(".") : "body",
    message: i.code === "invalid_type" && i.input === undefined ? "Member must not be null" : i.message,
  }));
  const first = fieldList[0];
  return (() => {
    throw new AppError(
      "VALIDATION",
      `${fieldList.length} validation error(s) detected: ${fieldList.map((f) => `${f.name}: ${f.message}`).join("; ")}`,
      {
        field: first?.name,
        details: { reason: "fieldValidationFailed", fieldList },
      },
    );
  })();
}

/** "true"/"false" query flags; anything else is a validation error. */
export function parseBooleanParam(value: string | null, name: string): boolean | undefined {
  if (value === null) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw new AppError("VALIDATION", `${name} must be true or false.`, {
    details: { reason: "fieldValidationFailed", fieldList: [{ name, message: "must be true or false" }] },
  });
}
