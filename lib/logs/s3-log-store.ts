import { HeadBucketCommand, ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import type { LogFileRef, LogStore } from "./log-store";
import { s3ScanError } from "./s3-errors";
import { s3AccessOf, type S3Access } from "./s3-object-reader";

/** A trail bucket. Every listing is prefix-scoped; the bucket is never listed as a whole. */
export class S3LogStore implements LogStore {
  readonly label: string;
  listCalls = 0;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    this.label = `s3://${bucket}/`;
  }

  /** what scan workers sign their reads with: this client's own credential and region providers */
  s3Access(): S3Access {
    return s3AccessOf(this.client, this.bucket);
  }

  async checkRoot(signal?: AbortSignal): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: signal });
    } catch (e) {
      const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      // HEAD responses have no body, so the SDK only knows the status: name the bucket ourselves.
      if (status === 404 || (e as Error).name === "NotFound")
        throw s3ScanError({ name: "NoSuchBucket" }, `S3 HeadBucket on s3://${this.bucket}`);
      throw s3ScanError(e, `S3 HeadBucket on s3://${this.bucket}`);
    }
  }

  async listFolders(prefix: string, signal?: AbortSignal): Promise<string[]> {
    const out: string[] = [];
    await this.list(prefix, "/", signal, (page) => {
      for (const p of page.CommonPrefixes ?? []) if (p.Prefix) out.push(p.Prefix.slice(prefix.length).replace(/\/$/, ""));
    });
    if (out.length > 0) return out.sort();
    return this.skipScanFolders(prefix, signal);
  }

  /**
   * Some S3-compatible servers (s3rver among them) only report common prefixes whose objects sit
   * one level down. When the delimiter listing is empty, find the folders by jumping from one to the
   * next with StartAfter: one small request per folder, still never a listing of the whole tree.
   */
  private async skipScanFolders(prefix: string, signal?: AbortSignal): Promise<string[]> {
    const out: string[] = [];
    let after: string | undefined;
    for (;;) {
      this.listCalls++;
      let page;
      try {
        page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: 1, StartAfter: after }), {
          abortSignal: signal,
        });
      } catch (e) {
        throw s3ScanError(e, `S3 ListObjectsV2 (listing s3://${this.bucket}/${prefix})`);
      }
      const key = page.Contents?.[0]?.Key;
      if (!key) return out;
      const slash = key.indexOf("/", prefix.length);
      if (slash === -1) {
        after = key;
        continue;
      }
      const name = key.slice(prefix.length, slash);
      out.push(name);
      after = `${prefix}${name}/\u{10ffff}`;
    }
  }

  async listFiles(prefix: string, signal?: AbortSignal): Promise<LogFileRef[]> {
    const out: LogFileRef[] = [];
    await this.list(prefix, undefined, signal, (page) => {
      for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0 });
    });
    return out;
  }

  private async list(
    prefix: string,
    delimiter: string | undefined,
    signal: AbortSignal | undefined,
    onPage: (p: { Contents?: { Key?: string; Size?: number }[]; CommonPrefixes?: { Prefix?: string }[] }) => void,
  ): Promise<void> {
    let token: string | undefined;
    do {
      this.listCalls++;
      try {
        const page = await this.client.send(
          new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: delimiter, ContinuationToken: token }),
          { abortSignal: signal },
        );
        onPage(page);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } catch (e) {
        throw s3ScanError(e, `S3 ListObjectsV2 (listing s3://${this.bucket}/${prefix})`);
      }
    } while (token);
  }
}
