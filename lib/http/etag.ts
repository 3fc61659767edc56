/**
 * A weak validator for a JSON answer that changes only when its row does (`updated_at` moves on
 * every write of an analysis: progress, heartbeat, cancel, finish).
 */
export function weakEtag(version: string): string {
  return `W/"${version.replace(/[^0-9A-Za-z:.-]/g, "")}"`;
}

/** True when the client already holds this version (RFC 9110 weak comparison, lists and `*`). */
export function isNotModified(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
