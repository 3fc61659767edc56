import { AppError } from "@/lib/errors";

/** Methods that never change anything: no origin or content-type check. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated requests, the rule of Go 1.25's
 * `http.CrossOriginProtection`: a browser says where a request comes from, so
 * - `Sec-Fetch-Site` present (every current browser): it must be `same-origin` (or `none`, a
 *   user-typed request). `same-site` is refused too: a page on a sibling subdomain or another
 *   port of the same host is another origin and may be hostile.
 * - else `Origin` present (older browsers): it must be one of the app's origins.
 * - neither: not a browser (curl, scripts, server-to-server) — no ambient cookie to abuse, so it
 *   passes; those clients send their own credentials on purpose.
 * `appOrigins` empty (no NEXTAUTH_URL): the request's own `Host` is the app's origin.
 * Safe methods always pass.
 */
export function assertSameOrigin(request: Request, appOrigins: readonly string[]): void {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    if (fetchSite === "same-origin" || fetchSite === "none") return;
    throw crossOrigin(`Sec-Fetch-Site: ${fetchSite}`);
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (appOrigins.length > 0 ? appOrigins.includes(origin) : hostOf(origin) === hostHeader(request))
    return;
  throw crossOrigin(`Origin: ${origin}`);
}

function crossOrigin(seen: string): AppError {
  return new AppError(
    "cross_origin",
    "This request came from another site and was refused. Reload Clauseflow and try again from its own pages.",
    { seen },
  );
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames, file:) or garbage: matches no host
  }
}

function hostHeader(request: Request): string | null {
  return request.headers.get("host") ?? new URL(request.url).host;
}
