import { env } from "@/lib/env";
import { strictTransportSecurity } from "@/lib/http/security-headers";

const hsts = strictTransportSecurity(env.NEXTAUTH_URL);

/**
 * HSTS on an API answer when the app is served over https. API routes do not pass through
 * proxy.ts: Next buffers a request's whole body for the proxy (and cuts it at 10 MB), which
 * would break the streamed 25 MB upload. Every route handler calls this (the wrappers do).
 */
export function addTransportSecurity(response: Response): Response {
  if (!hsts) return response;
  try {
    response.headers.set("strict-transport-security", hsts);
    return response;
  } catch {
    // A Response with immutable headers (e.g. `Response.redirect`): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set("strict-transport-security", hsts);
    return copy;
  }
}
