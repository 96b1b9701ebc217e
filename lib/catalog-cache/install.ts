// Imported first by the entry points (CLI, Next.js instrumentation, job worker, vitest setup): the
// IAM catalog then loads from its snapshot file instead of the package's ~900 files. See
// lib/core/catalog-snapshot.ts.
import { installCatalogCache } from "@/lib/core/catalog-snapshot";
import { fileCatalogCache } from "./catalog-cache";

installCatalogCache(fileCatalogCache());
