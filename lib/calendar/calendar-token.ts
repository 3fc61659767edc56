import { createHash, randomBytes } from "node:crypto";

/** A new calendar secret: 32 random bytes, URL-safe (base64url, 43 characters). */
export function newCalendarToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored: the secret's SHA-256 (hex). The secret itself is shown once, never stored. */
export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A string that could be a token we issued (checked before hashing and querying). */
export function looksLikeCalendarToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
