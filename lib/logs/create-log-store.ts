import type { LogSource } from "@/lib/core/types";
import { LocalLogStore } from "./local-log-store";
import type { LogStore } from "./log-store";

/** The store of a source. The AWS SDK is loaded only for S3 sources (it takes a while to load). */
export async function createLogStore(source: LogSource): Promise<LogStore> {
  if (source.kind === "local") return new LocalLogStore(source.dir);
  const [{ createS3Client }, { S3LogStore }] = await Promise.all([import("./s3-client"), import("./s3-log-store")]);
  return new S3LogStore(createS3Client(source), source.bucket);
}
