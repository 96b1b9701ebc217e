import { isScanError, type ScanError } from "@/lib/engine/errors";

/** Awaits a scan that must fail with a ScanError and returns it; any other failure is rethrown. */
export async function scanError(p: Promise<unknown>): Promise<ScanError> {
  try {
    await p;
  } catch (e) {
    if (isScanError(e)) return e;
    throw e;
  }
  throw new Error("expected a ScanError");
}
