// A registered trail's source is checked again each time a generation reads it: the rules (or the
// administrator's settings) may have changed since it was registered, a directory may have become
// a symbolic link, and a host name may resolve elsewhere. The S3 client also checks every address
// it connects to (s3EndpointLookup in validate-s3-endpoint.ts).
import type { LogSource } from "@/lib/core/types";
import { isAppError } from "@/lib/errors";
import { JobFailure } from "@/lib/jobs/job-errors";
import { resolveLocalTrailPath } from "./resolve-local-trail-path";
import { checkS3Endpoint } from "./validate-s3-endpoint";

/** The source to read (a local directory as its real path), or a JobFailure saying why not. */
export async function checkTrailSourceAtUse(source: LogSource): Promise<LogSource> {
  try {
    if (source.kind === "local") return { ...source, ...(await resolveLocalTrailPath({ dir: source.dir, prefix: source.prefix })) };
    if (source.endpoint) await checkS3Endpoint(source.endpoint);
    return source;
  } catch (error) {
    if (!isAppError(error)) throw error;
    throw new JobFailure(
      "AUTHORIZATION_ERROR",
      `${error.userMessage} An administrator must register the trail again with an allowed ${source.kind === "local" ? "directory" : "endpoint"}.`,
    );
  }
}
