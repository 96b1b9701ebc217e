import type { CloudTrailRecord } from "./types";

/**
 * ARNs that a request names without writing them as ARNs: a Lambda function name, an SQS queue URL,
 * an SSM parameter name... Each rule rebuilds the exact ARN from the name, the region the call was
 * made in and the account that received it, so the evidence can offer it in place of a
 * placeholder. Names that could be partial ARNs or need unknown parts (IAM paths, stack IDs) are
 * left alone: an observed ARN must be true.
 */

const SIMPLE_NAME = /^[A-Za-z0-9._-]{1,256}$/;
const QUEUE_URL = /^https:\/\/(?:sqs\.)?([a-z0-9-]+)\.(?:queue\.)?amazonaws\.com(?:\.cn)?\/(\d{12})\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;

type Ctx = { p: string; r: string; a: string };
type Params = Record<string, unknown>;
type Rule = (params: Params, c: Ctx, out: string[], eventName: string) => void;

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const named = (v: unknown): string | undefined => {
  const s = str(v);
  return s && SIMPLE_NAME.test(s) ? s : undefined;
};

const RULES: Readonly<Record<string, Rule>> = {
  "lambda.amazonaws.com": (q, c, out) => {
    const fn = named(q.functionName);
    if (fn) out.push(`arn:${c.p}:lambda:${c.r}:${c.a}:function:${fn}`);
  },
  "sqs.amazonaws.com": (q, c, out) => {
    const m = QUEUE_URL.exec(str(q.queueUrl) ?? "");
    if (m) out.push(`arn:${c.p}:sqs:${m[1]}:${m[2]}:${m[3]}`);
  },
  "dynamodb.amazonaws.com": (q, c, out) => {
    const t = named(q.tableName);
    if (t) out.push(`arn:${c.p}:dynamodb:${c.r}:${c.a}:table/${t}`);
  },
  "s3.amazonaws.com": (q, c, out, eventName) => {
    const bucket = str(q.bucketName);
    if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,62}$/.test(bucket)) return;
    out.push(`arn:${c.p}:s3:::${bucket}`);
    const key = str(q.key);
    if (key) out.push(`arn:${c.p}:s3:::${bucket}/${key}`);
    if (eventName === "DeleteObjects") {
      // The keys, when the trail logged the request body (Delete.Object[].Key); otherwise the call
      // deleted objects of this bucket only, so "bucket/*" is a true scope for s3:DeleteObject
      // (without it the action would fall back to "*": any object of any bucket).
      const del = (q.delete ?? q.Delete) as Record<string, unknown> | undefined;
      const list = del && typeof del === "object" ? (del.Object ?? del.objects ?? del.Objects) : undefined;
      const keys = (Array.isArray(list) ? list : list ? [list] : [])
        .map((o) => str((o as Record<string, unknown> | null)?.Key ?? (o as Record<string, unknown> | null)?.key))
        .filter((k): k is string => !!k);
      if (keys.length > 0) for (const k of keys.slice(0, 50)) out.push(`arn:${c.p}:s3:::${bucket}/${k}`);
      else out.push(`arn:${c.p}:s3:::${bucket}/*`);
    }
  },
  "logs.amazonaws.com": (q, c, out) => {
    const group = str(q.logGroupName);
    if (!group || !/^[\w\-./#]{1,512}$/.test(group)) return;
    out.push(`arn:${c.p}:logs:${c.r}:${c.a}:log-group:${group}`);
    const stream = str(q.logStreamName);
    if (stream && !/[:*]/.test(stream)) out.push(`arn:${c.p}:logs:${c.r}:${c.a}:log-group:${group}:log-stream:${stream}`);
  },
  "ssm.amazonaws.com": (q, c, out, eventName) => {
    if (!eventName.includes("Parameter")) return; // "name" names documents, associations... elsewhere
    for (const name of [q.name, ...(Array.isArray(q.names) ? q.names : [])]) {
      const n = str(name);
      if (n && /^\/?[A-Za-z0-9_.\-/]{1,1011}$/.test(n) && !n.startsWith("arn:"))
        out.push(`arn:${c.p}:ssm:${c.r}:${c.a}:parameter${n.startsWith("/") ? n : `/${n}`}`);
    }
  },
  "kms.amazonaws.com": (q, c, out) => {
    const id = str(q.keyId);
    if (id && KEY_ID.test(id)) out.push(`arn:${c.p}:kms:${c.r}:${c.a}:key/${id}`);
    else if (id && /^alias\/[A-Za-z0-9/_-]{1,250}$/.test(id)) out.push(`arn:${c.p}:kms:${c.r}:${c.a}:${id}`);
  },
  "ecr.amazonaws.com": (q, c, out) => {
    const repo = str(q.repositoryName);
    if (repo && /^[a-z0-9][a-z0-9._/-]{0,255}$/.test(repo)) out.push(`arn:${c.p}:ecr:${c.r}:${c.a}:repository/${repo}`);
  },
  "codebuild.amazonaws.com": (q, c, out) => {
    const project = named(q.projectName);
    if (project) out.push(`arn:${c.p}:codebuild:${c.r}:${c.a}:project/${project}`);
  },
};

/** ARNs rebuilt from names in the request (see above); [] when no rule applies. */
export function derivedArns(record: CloudTrailRecord, partition: string, fallbackAccount: string): string[] {
  const rule = typeof record.eventSource === "string" ? RULES[record.eventSource] : undefined;
  const params = record.requestParameters;
  if (!rule || !params || typeof params !== "object") return [];
  const region = typeof record.awsRegion === "string" && /^[a-z]{2}(-[a-z]+)+-\d+$/.test(record.awsRegion) ? record.awsRegion : undefined;
  if (!region) return [];
  const account =
    typeof record.recipientAccountId === "string" && /^\d{12}$/.test(record.recipientAccountId)
      ? record.recipientAccountId
      : fallbackAccount;
  const out: string[] = [];
  rule(params as Params, { p: partition, r: region, a: account }, out, typeof record.eventName === "string" ? record.eventName : "");
  return out;
}
