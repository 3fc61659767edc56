import { createHash, randomBytes } from "node:crypto";

/**
 * A new token for a mailed link: 32 random bytes, url-safe base64 (43 characters). Only its
 * SHA-256 (`hashAuthToken`) is stored, so the database alone yields no working link.
 */
export function newAuthToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token: hex SHA-256 (a token has 256 bits: no salt or slow hash needed). */
export function hashAuthToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as it comes back from a link: anything else is refused before the database is asked. */
export function looksLikeAuthToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
