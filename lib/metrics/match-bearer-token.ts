import { createHash, timingSafeEqual } from "node:crypto";

const BEARER = /^Bearer +(\S+) *$/i;

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when `authorization` is `Bearer <expected>`. Both tokens are hashed before the
 * constant-time comparison: `timingSafeEqual` needs equal lengths, and checking lengths first
 * would tell a caller how long the token is.
 */
export function matchBearerToken(authorization: string | null, expected: string): boolean {
  const presented = BEARER.exec(authorization ?? "")?.[1];
  const equal = timingSafeEqual(digest(presented ?? ""), digest(expected));
  return equal && presented !== undefined && expected.length > 0;
}
