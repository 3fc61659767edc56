import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { hashAuthToken, looksLikeAuthToken } from "@/lib/auth/auth-token";
import type { DbOrTx } from "@/lib/db/client";
import { type AuthTokenPurpose, authTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The refusal for an unknown, used, expired or malformed link: one message for all of them. */
export function invalidLinkError(what: string): AppError {
  return new AppError(
    "validation",
    `This ${what} link is invalid or has expired. Links work once; ask for a new one.`,
    { reason: "invalid_token" },
  );
}

/**
 * Uses a mailed token, in the caller's transaction: one conditional update, so of two
 * concurrent uses exactly one gets the row (and if the caller's transaction rolls back, the
 * token is unused again). Null when the token is unknown, used, expired or for another purpose.
 */
export async function consumeAuthToken(
  tx: DbOrTx,
  input: { token: string; purpose: AuthTokenPurpose },
): Promise<{ userId: string; email: string } | null> {
  if (!looksLikeAuthToken(input.token)) return null;
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authTokens.tokenHash, hashAuthToken(input.token)),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: authTokens.userId, email: authTokens.email });
  return row ?? null;
}

/**
 * Whether a token could be used now, without using it: a cheap read that lets a caller refuse
 * garbage before doing slow work (hashing a new password) — never a substitute for
 * `consumeAuthToken`, which decides.
 */
export async function authTokenIsLive(
  tx: DbOrTx,
  input: { token: string; purpose: AuthTokenPurpose },
): Promise<boolean> {
  if (!looksLikeAuthToken(input.token)) return false;
  const [row] = await tx
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashAuthToken(input.token)),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    );
  return row !== undefined;
}

/**
 * Every unused link of a user stops working (password reset or change): a pending e-mail change
 * requested by someone who had the session and the old password must not survive the owner's
 * reaction.
 */
export async function voidUserAuthTokens(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(authTokens)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(authTokens.userId, userId),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    );
}
