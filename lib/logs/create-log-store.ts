import type { LogSource } from "@/lib/core/types";
import { LocalLogStore } from "./local-log-store";
import type { LogStore } from "./log-store";
import { createS3Client } from "./s3-client";
import { S3LogStore } from "./s3-log-store";

export function createLogStore(source: LogSource): LogStore {
  return source.kind === "local" ? new LocalLogStore(source.dir) : new S3LogStore(createS3Client(source), source.bucket);
}
