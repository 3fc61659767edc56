import { addTransportSecurity } from "@/lib/http/add-transport-security";

export const dynamic = "force-dynamic";

/**
 * Liveness: the web process answers. Touches neither Postgres nor Redis (readiness, with both and
 * the workers, is /api/health), so a probe never restarts the web server for a database outage.
 * Also the constant-answer baseline of `npm run bench:status`.
 */
export function GET(): Response {
  return addTransportSecurity(
    Response.json({ ok: true }, { headers: { "cache-control": "no-store" } }),
  );
}
