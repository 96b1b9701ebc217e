"use server";
import { requireSession } from "@/lib/auth/next-auth-session";
import { catalogVersion } from "@/lib/catalog-update/catalog-version";
import { CatalogUpdateError, updateCatalog } from "@/lib/catalog-update/update-catalog";
import { runAction } from "@/lib/console/action-result";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Refreshes AWS's operation map from the Service Reference (administrators only). */
export async function refreshCatalogAction() {
  return runAction(async () => {
    await requireSession({ admin: true, action: "refresh the IAM data" });
    try {
      const r = await updateCatalog({ dataDir: env().LEASTWISE_DATA_DIR, baseUrl: env().LEASTWISE_SERVICE_REFERENCE_URL });
      return { operations: r.operations, services: r.services, version: catalogVersion() };
    } catch (e) {
      if (e instanceof CatalogUpdateError) throw new AppError("CATALOG_UPDATE_FAILED", e.message, { status: 502 });
      throw e;
    }
  });
}
