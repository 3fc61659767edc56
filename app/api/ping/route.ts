import { withPublic } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

/**
 * Liveness: the web process answers. Touches neither Postgres nor Redis (readiness, with both and
 * the workers, is /api/health), so a probe never restarts the web server for a database outage.
 * Also the constant-answer baseline of `npm run bench:status`.
 */
export const GET = withPublic("/api/ping", async () =>
  Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
);
