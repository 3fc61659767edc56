import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { hashAuthToken, newAuthToken } from "@/lib/auth/auth-token";
import type { DbOrTx } from "@/lib/db/client";
import { type AuthTokenPurpose, authTokens } from "@/lib/db/schema";

/**
 * Stores a new single-use token for `purpose` (its hash only) and returns the token for the link.
 * In the caller's transaction, with the mail that carries it. The user's older unused tokens of
 * the same purpose stop working: only the latest link does.
 */
export async function issueAuthToken(
  tx: DbOrTx,
  input: { userId: string; purpose: AuthTokenPurpose; email: string; ttlSeconds: number },
): Promise<string> {
  await tx
    .update(authTokens)
    .set({ expiresAt: sql`now()` })
    .where(
      and(
        eq(authTokens.userId, input.userId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    );
  const token = newAuthToken();
  await tx.insert(authTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashAuthToken(token),
    email: input.email,
    expiresAt: sql`now() + make_interval(secs => ${input.ttlSeconds})`,
  });
  return token;
}
