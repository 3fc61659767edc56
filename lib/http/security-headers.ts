/**
 * The security headers that depend on the request or the deployment (pages' CSP nonce, HSTS).
 * The static ones — Permissions-Policy, the APIs' CSP, nosniff, Referrer-Policy, X-Frame-Options —
 * are in next.config.mjs's `headers()`, baked in at build time for every answer.
 * Pure functions: proxy.ts applies them, tests/unit checks them.
 */

/** A fresh, unguessable nonce (128 bits, base64) for one page render. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * A page's CSP: scripts and `<style>` elements only with this request's nonce (Next puts it on
 * its own scripts when the request carries this header; emotion gets it in app/layout.tsx);
 * `'strict-dynamic'` lets those scripts load the app's chunks. Development adds `'unsafe-eval'`
 * (React rebuilds server error stacks with eval) and inline styles (the dev overlay's own, which
 * carry no nonce) — never in production.
 */
export function pageContentSecurityPolicy(options: {
  nonce: string;
  dev: boolean;
  https: boolean;
}): string {
  const { nonce, dev, https } = options;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // `style` attributes: MUI and React write them into the server HTML and set them at run time
    // (transitions, popover positions, progress bars); an attribute cannot carry a nonce. They
    // cannot load anything or run code; `<style>` elements, which can, still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // pdf.js's worker (app/pdfjs/worker): 'strict-dynamic' makes script-src ignore 'self', and
    // workers fall back to script-src, so same-origin workers are allowed here. No blob:.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (local runs) this would send the page's own requests to an https port.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for two years, subdomains included — only when the app is served over https. */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  return new URL(appUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}
