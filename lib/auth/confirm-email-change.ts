import { and, eq, ne, sql } from "drizzle-orm";
import { consumeAuthToken, invalidLinkError } from "@/lib/auth/consume-auth-token";
import { markEmailVerified } from "@/lib/auth/mark-email-verified";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const takenError = () =>
  new AppError(
    "conflict",
    "Another account already uses this e-mail, so yours was not changed. Choose another address on your account page.",
    { reason: "email_taken" },
  );

/**
 * Following the link mailed to the new address: the account's e-mail becomes that address,
 * verified (with the starting grant if the account had never verified one). Refused — and the
 * token left unused — when another account took the address in the meantime.
 */
export async function confirmEmailChange(token: string): Promise<{ email: string }> {
  try {
    return await db.transaction(async (tx) => {
      const used = await consumeAuthToken(tx, { token, purpose: "change_email" });
      if (!used) throw invalidLinkError("e-mail confirmation");
      const [user] = await tx
        .select({ disabledAt: users.disabledAt, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, used.userId))
        .for("no key update");
      if (!user || user.deletedAt || user.disabledAt) {
        throw invalidLinkError("e-mail confirmation");
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(sql`lower(${users.email}) = ${used.email.toLowerCase()}`, ne(users.id, used.userId)),
        );
      if (taken) throw takenError();
      await tx.update(users).set({ email: used.email }).where(eq(users.id, used.userId));
      await markEmailVerified(tx, used.userId);
      return { email: used.email };
    });
  } catch (error) {
    // Taken between our check and the update (the unique index on lower(email) decides).
    if (isUniqueViolation(error)) throw takenError();
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const cause = error instanceof Error && "cause" in error ? error.cause : error;
  return typeof cause === "object" && cause !== null && "code" in cause && cause.code === "23505";
}
