// The one place that reads process.env. Every setting Leastwise understands is declared here, typed
// and validated once; other modules import `env()`. Other areas add their variables with a small edit.
import { z } from "zod";

const intFrom = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server (production). Unset: embedded PGlite in the data directory. */
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded database, keys and demo logs live. */
  LEASTWISE_DATA_DIR: z.string().min(1).default(".data"),
  /** Run the in-process generation worker in the web server (set 0 to run only `npm run worker`). */
  LEASTWISE_INPROCESS_WORKER: z.enum(["0", "1"]).default("1"),
  /** Generation jobs one worker process runs at once. */
  LEASTWISE_WORKER_CONCURRENCY: intFrom(2, 1),
  /** 32-byte key (hex or base64) encrypting API key secrets at rest; default: generated into the data dir. */
  LEASTWISE_SECRET_KEY: z.string().min(1).optional(),
  /** Quotas (AWS's value in the comment). */
  LEASTWISE_MAX_WINDOW_DAYS: intFrom(90, 1), // AWS: 90
  LEASTWISE_MAX_CONCURRENT_GENERATIONS: intFrom(5, 1), // AWS: 1 per account
  LEASTWISE_MAX_GENERATIONS_PER_DAY: intFrom(500, 1), // AWS: 50 per account
  LEASTWISE_MAX_LOG_FILES: intFrom(1_000_000, 1), // AWS: 100,000
  LEASTWISE_MAX_LOG_GB: intFrom(250, 1), // AWS: 25 GB
  LEASTWISE_RETENTION_DAYS: intFrom(7, 1), // AWS: 7
  /** Engine worker threads per generation (0: every core). */
  LEASTWISE_SCAN_THREADS: intFrom(0, 0),
  /** How often each worker looks for jobs of dead workers and purges expired results. */
  LEASTWISE_WORKER_MAINTENANCE_S: intFrom(15, 1),
  /** A scan whose counters do not move for this long is stopped and its job failed (SERVICE_ERROR). */
  LEASTWISE_SCAN_STALL_TIMEOUT_S: intFrom(300, 10),
  /** A running job whose heartbeat is older than this is considered orphaned (worker died). */
  LEASTWISE_JOB_HEARTBEAT_TIMEOUT_S: intFrom(60, 5),
  /** API keys created before key scopes existed: "read" (default) lets them only read generations, "full" keeps their old unlimited access. */
  LEASTWISE_LEGACY_API_KEYS: z.enum(["read", "full"]).default("read"),
  /** Allowed clock skew of SigV4-signed requests. */
  LEASTWISE_SIGV4_MAX_SKEW_S: intFrom(900, 1),
  /** trails: allow S3-compatible endpoints on loopback and private networks (link-local and metadata addresses never). */
  LEASTWISE_ALLOW_PRIVATE_ENDPOINTS: z.enum(["0", "1"]).default("0"),
  /** trails: the directory local trails must be in (default: <LEASTWISE_DATA_DIR>/trails). */
  LEASTWISE_LOCAL_TRAILS_ROOT: z.string().min(1).optional(),
  /** Next's build directory (next.config.js reads it too): the browser tests build into their own. */
  LEASTWISE_DIST_DIR: z
    .string()
    .regex(/^\.?[\w.-]+$/, "a directory name inside the project, e.g. .next-e2e")
    .default(".next"),
  PORT: intFrom(3000, 0),
  /** Interface `npm start` listens on (0.0.0.0 to serve other machines). */
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Apply pending migrations when a process first opens the database (`npm start` migrates before Next starts and sets 0 for it). */
  LEASTWISE_AUTO_MIGRATE: z.enum(["0", "1"]).default("1"),
  /** local-aws: "local" serves the built-in account; "aws" uses the standard AWS credential chain. */
  LEASTWISE_ACCOUNT_MODE: z.enum(["local", "aws"]).default("local"),
  /** local-aws: 12-digit ID given to the local account when it is first created (default: random). */
  LEASTWISE_LOCAL_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  /** local-aws: reach the local IAM/CloudTrail endpoints over HTTP at this origin instead of in-process. */
  LEASTWISE_LOCAL_AWS_URL: z.string().url().optional(),
  /** local-aws: managed policies attachable to one role or user (IAM default 10). */
  LEASTWISE_LOCAL_IAM_MAX_ATTACHED_POLICIES: intFrom(10, 1),
  /** local-aws: STS AssumeRole refuses roles younger than this many seconds (simulates IAM's propagation delay). */
  LEASTWISE_LOCAL_STS_PROPAGATION_S: intFrom(0, 0),
  /** aws mode: how long AssumeRole of the access role is retried while IAM propagates a new role (AccessDenied). */
  LEASTWISE_ASSUME_ROLE_RETRY_S: intFrom(30, 0),
  /** aws mode: the standard endpoint overrides, read here only to choose S3 path-style addressing (the SDK reads them itself). */
  AWS_ENDPOINT_URL: z.string().optional(),
  AWS_ENDPOINT_URL_S3: z.string().optional(),
  /** local-aws: seed the demo account on first start (set 0 for an empty local account). */
  LEASTWISE_SEED_DEMO: z.enum(["0", "1"]).default("1"),
  /** console: signs session cookies (default: generated into the data dir); same value on every web server. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** console: the first administrator (created, or its password reset, at start); unset: "admin" with a printed password. */
  LEASTWISE_ADMIN_USER: z.string().min(1).optional(),
  LEASTWISE_ADMIN_PASSWORD: z
    .string()
    .min(8)
    .refine((v) => Buffer.byteLength(v, "utf8") <= 72, "at most 72 bytes (bcrypt uses only the first 72)")
    .optional(),
  /** console: failed sign-ins allowed per user name, and per client address, within the throttle window. */
  LEASTWISE_SIGNIN_MAX_FAILURES_PER_USER: intFrom(5, 1),
  LEASTWISE_SIGNIN_MAX_FAILURES_PER_ADDRESS: intFrom(20, 1),
  LEASTWISE_SIGNIN_THROTTLE_MINUTES: intFrom(15, 1),
  /** console: the URL users open (https://... behind a TLS proxy: the session cookie is then Secure). Read by next-auth too. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** console: how long a sign-in lasts. */
  LEASTWISE_SESSION_HOURS: intFrom(12, 1),
  /** console: optional OIDC sign-in (issuer URL with /.well-known/openid-configuration). */
  LEASTWISE_OIDC_ISSUER: z.string().url().optional(),
  LEASTWISE_OIDC_CLIENT_ID: z.string().min(1).optional(),
  LEASTWISE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  LEASTWISE_OIDC_NAME: z.string().min(1).optional(),
  /** `leastwise catalog update`: AWS's Service Reference, or a mirror of it (same layout). */
  LEASTWISE_SERVICE_REFERENCE_URL: z.string().url().default("https://servicereference.us-east-1.amazonaws.com/v1/"),
  /** console: comma-separated e-mails/user names of OIDC users who are administrators. */
  LEASTWISE_OIDC_ADMINS: z.string().optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable (`DATABASE_URL=` in a shell or .env file) means "not set".
  const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change variables between cases; they call this to re-read them. */
export function resetEnvCache(): void {
  cached = undefined;
}
