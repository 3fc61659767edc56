import { z } from "zod";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from "@/lib/local-defaults";

// Local defaults match what `npm run dev` starts itself (embedded Postgres, redis-server under
// .data/), so web, worker and scripts agree without any configuration — in development and tests
// only. A production process gets no defaults for where its data lives or how sessions are
// signed: it refuses to start, naming every missing variable (see `parseEnv`).

const intFromEnv = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const windowUnits = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;

/** A rate limit written "points/window", the window in s, m, h or d: "10/1h" = 10 an hour. */
export type RateLimit = { points: number; durationSeconds: number };

const rateLimitFromEnv = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+\/\d+[smhd]$/, 'write it as "points/window", e.g. "10/1h" (s, m, h or d)')
    .default(fallback)
    .transform((spec): RateLimit => {
      const [points, window] = spec.split("/") as [string, string];
      const unit = window.slice(-1) as keyof typeof windowUnits;
      return {
        points: Number(points),
        durationSeconds: Math.max(1, Number(window.slice(0, -1)) * windowUnits[unit]),
      };
    });

const SENTINEL_URL_RE = /^redis\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/@]+)\/([^/?#]+)\/?$/;
const HOST_PORT_LIST_RE = /^[^,:\s]+:\d+(?:\s*,\s*[^,:\s]+:\d+)*$/;

/** Where Redis is: one server, or a master found (and followed through failovers) by Sentinels. */
export type RedisTarget =
  | { kind: "direct"; url: string }
  | {
      kind: "sentinel";
      sentinels: { host: string; port: number }[];
      name: string;
      username?: string;
      password?: string;
      sentinelPassword?: string;
    };

const hostPorts = (list: string) =>
  list.split(",").map((entry) => {
    const at = entry.lastIndexOf(":");
    return { host: entry.slice(0, at).trim(), port: Number(entry.slice(at + 1)) };
  });

/**
 * REDIS_SENTINELS (+ REDIS_SENTINEL_MASTER) wins over REDIS_URL, whose credentials then still
 * apply to the master; a `redis+sentinel://` REDIS_URL carries all of it; otherwise REDIS_URL.
 */
export function parseRedisTarget(e: {
  REDIS_URL: string;
  REDIS_SENTINELS?: string;
  REDIS_SENTINEL_MASTER?: string;
  REDIS_SENTINEL_PASSWORD?: string;
}): RedisTarget {
  const sentinelPassword = e.REDIS_SENTINEL_PASSWORD || undefined;
  const sentinelUrl = SENTINEL_URL_RE.exec(e.REDIS_URL);
  if (e.REDIS_SENTINELS) {
    const direct = sentinelUrl ? null : new URL(e.REDIS_URL);
    return {
      kind: "sentinel",
      sentinels: hostPorts(e.REDIS_SENTINELS),
      name: e.REDIS_SENTINEL_MASTER ?? "",
      username: decodeURIComponent(sentinelUrl?.[1] ?? direct?.username ?? "") || undefined,
      password: decodeURIComponent(sentinelUrl?.[2] ?? direct?.password ?? "") || undefined,
      sentinelPassword,
    };
  }
  if (sentinelUrl) {
    const [, username, password, hosts = "", name = ""] = sentinelUrl;
    return {
      kind: "sentinel",
      sentinels: hostPorts(hosts),
      name: decodeURIComponent(name),
      username: username ? decodeURIComponent(username) : undefined,
      password: password ? decodeURIComponent(password) : undefined,
      sentinelPassword,
    };
  }
  return { kind: "direct", url: e.REDIS_URL };
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  /** `redis://[user:password@]host:port[/db]`, or `redis+sentinel://[user:password@]host:port,
   *  host:port/mastername` for Redis behind Sentinel (the password is the master's). */
  REDIS_URL: z
    .string()
    .refine((value) => {
      const sentinel = SENTINEL_URL_RE.exec(value);
      return sentinel ? HOST_PORT_LIST_RE.test(sentinel[3] ?? "") : URL.canParse(value);
    }, "a redis:// URL, or redis+sentinel://host:port,host:port/mastername")
    .optional(),
  /** `false` when DATABASE_URL points at a pooler in transaction mode (PgBouncer before 1.21,
   *  `pool_mode = transaction`): consecutive transactions of one client may run on different
   *  server connections, so a named prepared statement made on one is missing on the next
   *  ("prepared statement … does not exist"). Off, every query is parsed and planned each time
   *  (bench/RESULTS.md, "PgBouncer"). Migrations connect with their own client and prepare nothing. */
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["true", "false"], { message: 'write "true" or "false"' })
    .default("true")
    .transform((value) => value === "true"),
  /** Redis through Sentinel, for failover: the sentinels as "host:port,host:port" (then
   *  REDIS_SENTINEL_MASTER names the monitored master, REDIS_URL is not needed — its password,
   *  if any, still applies). A `redis+sentinel://host:port,host:port/mastername` REDIS_URL says
   *  the same in one variable. */
  REDIS_SENTINELS: z
    .string()
    .trim()
    .regex(HOST_PORT_LIST_RE, 'write it as "host:port,host:port"')
    .optional(),
  REDIS_SENTINEL_MASTER: z.string().trim().min(1).optional(),
  /** When the Sentinels themselves ask for a password (`requirepass` in sentinel.conf); the
   *  master's password is REDIS_URL's (or the redis+sentinel:// URL's). */
  REDIS_SENTINEL_PASSWORD: z.string().optional(),
  /** Signs and encrypts session tokens (next-auth). Required in production, 32+ characters. */
  NEXTAUTH_SECRET: z.string().optional(),
  /** The app's public URL (next-auth: callback URLs; `https://` makes cookies `__Secure-`). Its
   *  origin is where browsers may send cookie-authenticated changes from (CSRF check), and an
   *  https one turns on HSTS. Required in production. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Prefix for every BullMQ key, so test runs and environments never share a queue. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/)
    .default("clauseflow"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /** The `service` field of every log line; the worker entry sets "worker" before this is read. */
  CLAUSEFLOW_SERVICE: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .default("web"),
  /** Postgres connections per process (web, worker, each script). */
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),

  /** More public origins of this app, comma-separated (`https://a.example.com,https://b.example.com`),
   *  for a deployment answering on several hostnames; NEXTAUTH_URL's origin is always one. */
  APP_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().url())),

  SIGNUP_GRANT_CREDITS: intFromEnv(100),
  PRICE_PAGES_PER_CREDIT: z.coerce.number().int().positive().default(5),
  PRICE_MIN_CREDITS: z.coerce.number().int().positive().default(1),
  /** A scanned PDF page (read by OCR in the worker) is billed as this many pages (issue 21). */
  OCR_PRICE_MULTIPLIER: z.coerce.number().int().positive().default(3),
  /** DOCX and text have no pages; we bill them as if one page held this many words. */
  WORDS_PER_PAGE: z.coerce.number().int().positive().default(500),

  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  MAX_PAGES: z.coerce.number().int().positive().default(500),
  MAX_TEXT_CHARS: z.coerce.number().int().positive().default(5_000_000),

  // Reading untrusted documents (type sniffing, page counting, text extraction) runs in a pool of
  // child processes, never on a server's event loop (docs/decisions/0008).
  /** Child processes reading documents, per web or worker process. */
  INSPECT_POOL_SIZE: z.coerce.number().int().positive().default(2),
  /** Reads waiting for a child beyond those running; more are refused with 503 + Retry-After. */
  INSPECT_QUEUE_MAX: intFromEnv(8),
  /** Wall-clock limit of one read; a child over it is killed and the document refused (422). */
  INSPECT_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Resident memory (RSS, so inflated buffers count too) a child may reach before it is killed;
   *  also its V8 heap limit. */
  INSPECT_MAX_MEMORY_MB: z.coerce.number().int().min(128).default(384),
  /** Uploads one user may have in flight at once (reading the body + inspecting); more → 429. */
  INSPECT_MAX_PER_USER: z.coerce.number().int().positive().default(2),
  /** Files in one bulk upload (`POST /api/batches`), after unpacking a ZIP; more are left out. */
  BATCH_MAX_FILES: z.coerce.number().int().positive().default(50),
  /** Bytes of one bulk upload: its request body, and again the unpacked files of a ZIP. A batch
   *  is held in memory while its files are read, one batch per user at a time (withUploadSlot). */
  BATCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),

  // Scanned pages are recognised in the worker, each in bounded child processes (pdftoppm renders,
  // tesseract reads): lib/ocr/. Figures behind the defaults: bench/EVAL.md, "Scanned contracts".
  /** Resolution scanned pages are rendered at for OCR. */
  OCR_DPI: z.coerce.number().int().min(72).max(600).default(200),
  /** Wall-clock limit of reading one scanned page (render + recognise); over it the child
   *  processes are killed and the page fails. */
  OCR_PAGE_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Address space of each OCR child process (ulimit -v), in MiB. */
  OCR_PAGE_MEMORY_MIB: z.coerce.number().int().min(64).default(1_024),
  /** A page whose rendering, or any image on it, has more pixels than this is refused before
   *  anything is decoded (default: 50 megapixels, a Letter page at 600 dpi is 34). */
  OCR_MAX_PAGE_PIXELS: z.coerce.number().int().positive().default(50_000_000),

  /** PDFs with more pages are analyzed in chunks of this many pages, in parallel (design.md). */
  CHUNK_PAGES: z.coerce.number().int().positive().default(40),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(2),
  /** design.md "Admission": analyses of one user active at once (queued for a worker or running;
   *  a chunked one counts each chunk running beyond its first). An admin can set a user's own
   *  limit. 0 turns admission off: everything confirmed goes straight to the queue, FIFO. */
  USER_MAX_ACTIVE: z.coerce.number().int().min(0).default(2),
  /** A running job writes its progress row at most this often (the first step always). */
  PROGRESS_WRITE_MS: intFromEnv(1_000),
  /** Attempts (claims) per analysis, counted in Postgres: stalls and transient errors both count. */
  JOB_ATTEMPTS: z.coerce.number().int().positive().default(3),
  /** BullMQ lock: a worker that stops renewing it (dead, frozen) loses the job after this long. */
  WORKER_LOCK_MS: z.coerce.number().int().positive().default(60_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  /** Relay, reaper and expiry run this often in every worker. */
  MAINTENANCE_INTERVAL_MS: z.coerce.number().int().positive().default(5_000),
  /** A running analysis whose heartbeat (every 2 s) is this old and whose job Redis no longer
   *  holds is put back on the queue by the relay. */
  ANALYSIS_ORPHAN_MS: z.coerce.number().int().positive().default(30_000),
  JOB_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 60_000),
  /** A worker whose heartbeat is older than this is considered down by /api/health. */
  WORKER_STALE_MS: z.coerce.number().int().positive().default(30_000),
  /** A running analysis whose heartbeat is older than this is reaped (failed + released). */
  ANALYSIS_STALE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 60_000),
  /** A `queued` analysis no worker started within this time is failed and its hold released. */
  HOLD_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60_000),
  /** Confirm idempotency keys are kept at least this long (the API promises 24 h). */
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().int().min(24).default(48),
  /** Bearer token for `GET /api/metrics`; unset, the endpoint answers 404 (metrics disabled). */
  METRICS_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  /** Which engine runs the five analysis steps: the local rules (default) or an LLM speaking
   *  the OpenAI chat-completions API (any compatible server: OpenAI, vLLM, Ollama, LM Studio…). */
  ANALYSIS_PROVIDER: z.enum(["rules", "openai"]).default("rules"),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  /** Per request; the SDK retries timeouts, 429 and 5xx with backoff `LLM_MAX_RETRIES` times. */
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  LLM_MAX_RETRIES: intFromEnv(2),

  /** Client IP = the X-Forwarded-For entry this many places left of the socket address that Next
   *  appends (patches/next+*.patch). 0: no proxy, the socket address itself; 1: one reverse proxy
   *  (nginx, a load balancer) that appends the client's address; never more than really exist,
   *  or clients choose their own IP. */
  TRUSTED_PROXY_COUNT: intFromEnv(0),
  /** Sign-in attempts from one client IP (a success gives its point back). */
  RATE_LIMIT_SIGNIN_IP: rateLimitFromEnv("50/1h"),
  /** This many failed sign-ins in a row for one e-mail from one IP lock that pair out… */
  SIGNIN_LOCKOUT_AFTER: z.coerce.number().int().positive().default(5),
  /** …for this long the first time, twice as long each time after (a success resets both)… */
  SIGNIN_LOCKOUT_SECONDS: z.coerce.number().int().positive().default(60),
  /** …never longer than this. */
  SIGNIN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().positive().default(86_400),
  /** Sign-ups from one client IP (API and form alike). */
  RATE_LIMIT_SIGNUP_IP: rateLimitFromEnv("10/1h"),
  /** Uploads (`POST /api/documents`) per user. */
  RATE_LIMIT_UPLOAD_USER: rateLimitFromEnv("60/1h"),
  /** Confirms (`POST /api/analyses`, the confirm button) per user. */
  RATE_LIMIT_CONFIRM_USER: rateLimitFromEnv("60/1h"),
  /** Password-reset requests, per e-mail and per IP (for the reset endpoint still to come). */
  RATE_LIMIT_PASSWORD_RESET: rateLimitFromEnv("5/1h"),
  /** Checkout Sessions (`POST /api/credits/checkout`, "Buy credits") per user. */
  RATE_LIMIT_CHECKOUT_USER: rateLimitFromEnv("20/1h"),
  /** Uses of mailed links (verify e-mail, reset password, confirm a new e-mail) per client IP:
   *  a token cannot be guessed, but each try costs a database round trip. */
  RATE_LIMIT_AUTH_LINK_IP: rateLimitFromEnv("30/1h"),

  /** Outgoing mail (verification, password reset, analysis finished): `smtp://user:pass@host:587`
   *  or `smtps://…:465`. Required in production; unset in development and tests, mails are
   *  written to the log, links included. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "an smtp:// or smtps:// URL")
    .refine((value) => URL.canParse(value), "an smtp:// or smtps:// URL")
    .optional(),
  /** The From of every mail, e.g. `Clauseflow <no-reply@example.com>`. Required in production. */
  MAIL_FROM: z.string().trim().min(3).default("Clauseflow <no-reply@localhost>"),
  /** Stripe (credit purchases). Both keys or neither: without them the purchase UI is hidden
   *  and "not enough credits" says whom to ask (CREDITS_CONTACT). */
  STRIPE_SECRET_KEY: z.string().startsWith("sk_", "a Stripe secret key (sk_…)").optional(),
  /** The signing secret of the webhook endpoint (`whsec_…`) that posts to /api/webhooks/stripe. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith("whsec_", "a webhook signing secret (whsec_…)")
    .optional(),
  /** Where the Stripe SDK sends API calls; only tests point it at a local stand-in. */
  STRIPE_API_URL: z.string().url().optional(),
  /** Credit packs for sale, "id:credits:price:currency" comma-separated, the price in the
   *  currency's smallest unit: "starter:100:1000:usd" = 100 credits for $10.00. */
  CREDIT_PACKS: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9-]+:\d+:\d+:[a-z]{3}(?:\s*,\s*[a-z0-9-]+:\d+:\d+:[a-z]{3})*$/,
      'write it as "id:credits:price:currency,…", e.g. "starter:100:1000:usd"',
    )
    .default("starter:100:1000:usd,team:500:4000:usd")
    .transform((list) =>
      list.split(",").map((entry) => {
        const [id, credits, amount, currency] = entry.trim().split(":") as [
          string,
          string,
          string,
          string,
        ];
        return { id, credits: Number(credits), amount: Number(amount), currency };
      }),
    )
    .pipe(
      z
        .array(
          z.object({
            id: z.string(),
            credits: z.number().int().positive(),
            amount: z.number().int().positive(),
            currency: z.string(),
          }),
        )
        .refine((packs) => new Set(packs.map((p) => p.id)).size === packs.length, {
          message: "each pack needs its own id",
        }),
    ),
  /** Whom a user without credits should ask, when purchases are off (no Stripe keys). */
  CREDITS_CONTACT: z.string().trim().min(1).default("your administrator"),
  /** Uploaded files (their bytes) are deleted this many days after upload; memos and results
   *  stay until the user deletes them. 0 keeps files until the user deletes them. */
  DOCUMENT_RETENTION_DAYS: intFromEnv(0),

  /** Slows every analysis step by this long: tests watch progress and cancel, and benches stand
   *  in for a slow provider (an LLM takes tens of seconds a step). */
  ANALYSIS_STEP_DELAY_MS: intFromEnv(0),
  /** Test hook, "index:times,…": chunk `index` fails its first `times` claims (transient error). */
  TEST_FAIL_CHUNK: z
    .string()
    .regex(/^\d+:\d+(?:,\d+:\d+)*$/)
    .optional(),
});

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = ParsedEnv & { DATABASE_URL: string; REDIS_URL: string; REDIS: RedisTarget };

/** The environment cannot run the app; `message` lists every problem, one per line. */
export class EnvError extends Error {
  override name = "EnvError";
}

/**
 * `next build` runs with NODE_ENV=production and imports modules, but must not need production
 * secrets; it sets NEXT_PHASE. Everything else that says production is a real start.
 */
export function isProductionStart(source: Partial<Record<string, string>>): boolean {
  return source.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build";
}

/** What a production start lacks, one line per variable (empty when nothing is missing). */
function productionProblems(e: Partial<Record<string, string>>): string[] {
  const problems: string[] = [];
  if (!e.DATABASE_URL) problems.push("DATABASE_URL is not set (the Postgres URL)");
  if (!e.REDIS_URL && !e.REDIS_SENTINELS)
    problems.push("REDIS_URL is not set (the Redis URL, or REDIS_SENTINELS for Sentinel)");
  if (!e.NEXTAUTH_SECRET) {
    problems.push("NEXTAUTH_SECRET is not set (32+ random characters: openssl rand -base64 32)");
  } else if (e.NEXTAUTH_SECRET.length < 32) {
    problems.push(
      `NEXTAUTH_SECRET is too short (${e.NEXTAUTH_SECRET.length} characters, need 32+)`,
    );
  }
  if (!e.NEXTAUTH_URL) problems.push("NEXTAUTH_URL is not set (the site's public URL)");
  if (!e.SMTP_URL)
    problems.push("SMTP_URL is not set (smtp://user:password@host:587, for account mails)");
  if (!e.MAIL_FROM) problems.push("MAIL_FROM is not set (e.g. Clauseflow <no-reply@example.com>)");
  return problems;
}

export function parseEnv(raw: NodeJS.ProcessEnv): Env {
  // An empty assignment (`DATABASE_URL=` in a .env file) means unset, not an invalid URL.
  const source = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
  const parsed = envSchema
    .refine((e) => e.ANALYSIS_PROVIDER !== "openai" || (e.LLM_BASE_URL && e.LLM_MODEL), {
      message: "ANALYSIS_PROVIDER=openai needs LLM_BASE_URL and LLM_MODEL",
      path: ["ANALYSIS_PROVIDER"],
    })
    .refine((e) => !e.STRIPE_SECRET_KEY === !e.STRIPE_WEBHOOK_SECRET, {
      message: "set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET, or neither",
      path: ["STRIPE_WEBHOOK_SECRET"],
    })
    .refine((e) => !e.REDIS_SENTINELS || e.REDIS_SENTINEL_MASTER, {
      message: "REDIS_SENTINELS needs REDIS_SENTINEL_MASTER (the master's name in Sentinel)",
      path: ["REDIS_SENTINEL_MASTER"],
    })
    .safeParse(source);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  // Checked even when the schema failed, so one message lists every problem.
  if (isProductionStart(source)) problems.push(...productionProblems(source));
  if (!parsed.success || problems.length > 0) {
    throw new EnvError(
      `Invalid environment${source.NODE_ENV === "production" ? " for production" : ""}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
  const redisUrl = parsed.data.REDIS_URL ?? LOCAL_REDIS_URL;
  return {
    ...parsed.data,
    DATABASE_URL: parsed.data.DATABASE_URL ?? LOCAL_DATABASE_URL,
    REDIS_URL: redisUrl,
    REDIS: parseRedisTarget({ ...parsed.data, REDIS_URL: redisUrl }),
  };
}

export const env: Env = parseEnv(process.env);

// Parsed once, here: a harness that changes process.env after this line changes nothing. This
// mark lets tests/support/configure-test-env.ts refuse to configure too late
// (docs/decisions/0012-configuration.md).
(globalThis as Record<symbol, unknown>)[Symbol.for("clauseflow.env.parsed")] = true;
