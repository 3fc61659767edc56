/**
 * The client's address from an X-Forwarded-For that ends with the socket address (our Next patch
 * appends it, as a proxy would): the entry `trustedProxies` places left of the last one. Entries
 * further left were written by whoever sent the request and are never trusted. With fewer entries
 * than that (a request that bypassed the proxies), the left-most one is the best we know.
 */
export function pickClientIp(forwardedFor: string | null | undefined, trustedProxies: number) {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const entry = entries[Math.max(0, entries.length - 1 - trustedProxies)]!;
  // Node reports IPv4 clients of a dual-stack socket as "::ffff:1.2.3.4": one client, one key.
  return entry.startsWith("::ffff:") && entry.includes(".") ? entry.slice(7) : entry;
}
