import { ZodError } from "zod";
import { isAppError } from "@/lib/errors";
import { isCoreError } from "@/lib/core/errors";

/** What every console server action returns: data, or an error the form can place on a field. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: UserError };

export interface UserError {
  code: string;
  message: string;
  field?: string;
  status?: number;
}

/** Expected errors keep their message; anything else is logged and shown as a generic line. */
export function toUserError(error: unknown): UserError {
  if (isAppError(error)) return { code: error.code, message: error.userMessage, field: error.field, status: error.status };
  if (isCoreError(error)) return { code: error.code, message: error.message, field: error.field, status: 400 };
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return {
      code: "VALIDATION",
      message: issue ? issue.message : "The input is not valid.",
      field: issue?.path.map(String).join("."),
      status: 400,
    };
  }
  console.error("[console] unexpected error", error);
  return { code: "INTERNAL", message: "Something went wrong on the server. The error was logged; try again.", status: 500 };
}

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    return { ok: false, error: toUserError(error) };
  }
}

/** Route handlers: JSON data, or the error with its HTTP status. */
export async function runRoute<T>(fn: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await fn(), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const e = toUserError(error);
    return Response.json({ error: e }, { status: e.status ?? 500, headers: { "cache-control": "no-store" } });
  }
}
