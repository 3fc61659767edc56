/**
 * Where to send a user after signing in: only a path on this site (no open redirect — `//evil`,
 * `/\evil` and absolute URLs are refused), never back to the auth pages or an API.
 */
export function safeRedirectPath(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://clauseflow.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://clauseflow.invalid") return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (/^\/(signin|signup|api)(\/|\?|#|$)/.test(path)) return null;
  return path;
}
