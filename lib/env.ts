import { z } from "zod";
import { LOCAL_DATABASE_URL, LOCAL_REDIS_URL } from "@/lib/local-defaults";

// Local defaults match what `npm run dev` starts itself (embedded Postgres, redis-server under
// .data/), so web, worker and scripts agree without any configuration.

const intFromEnv = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().default(LOCAL_DATABASE_URL),
  REDIS_URL: z.string().url().default(LOCAL_REDIS_URL),
  /** Prefix for every BullMQ key, so test runs and environments never share a queue. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9:_-]+$/)
    .default("clauseflow"),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),

  /** The app's public URL (next-auth reads it too). Its origin is where browsers may send
   *  cookie-authenticated changes from (CSRF check), and an https one turns on HSTS. */
  NEXTAUTH_URL: z.string().url().optional(),
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
  /** DOCX and text have no pages; we bill them as if one page held this many words. */
  WORDS_PER_PAGE: z.coerce.number().int().positive().default(500),

  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(25 * 1024 * 1024),
  MAX_PAGES: z.coerce.number().int().positive().default(500),
  MAX_TEXT_CHARS: z.coerce.number().int().positive().default(5_000_000),

  /** PDFs with more pages are analyzed in chunks of this many pages, in parallel (design.md). */
  CHUNK_PAGES: z.coerce.number().int().positive().default(40),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(2),
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
  /** Test hook: slows every analysis step so progress and cancel can be observed. */
  ANALYSIS_STEP_DELAY_MS: intFromEnv(0),
  /** Test hook, "index:times,…": chunk `index` fails its first `times` claims (transient error). */
  TEST_FAIL_CHUNK: z
    .string()
    .regex(/^\d+:\d+(?:,\d+:\d+)*$/)
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema
    .refine((e) => e.ANALYSIS_PROVIDER !== "openai" || (e.LLM_BASE_URL && e.LLM_MODEL), {
      message: "ANALYSIS_PROVIDER=openai needs LLM_BASE_URL and LLM_MODEL",
      path: ["ANALYSIS_PROVIDER"],
    })
    .safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);
