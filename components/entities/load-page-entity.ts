import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/auth/next-auth-session";
import { entityArn } from "@/lib/console/get-caller-account";
import { isAppError } from "@/lib/errors";
import { getEntity } from "@/lib/iam/get-entity";

/**
 * The role or user a console page is about (server): signs the visitor in first (back to `page`
 * under the entity's path afterwards), then loads the entity; an unknown or invalid name is a 404.
 */
export async function loadPageEntity(o: { kind: "role" | "user"; name: string; page?: string; withDocuments?: boolean }) {
  const base = o.kind === "role" ? "/roles" : "/users";
  const basePath = `${base}/${encodeURIComponent(o.name)}`;
  await requirePageSession({ returnTo: o.page ? `${basePath}/${o.page}` : basePath });
  try {
    const entity = await getEntity({ arn: await entityArn(o.kind, o.name), withDocuments: o.withDocuments });
    return { entity, base, basePath };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
}
