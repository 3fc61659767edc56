import { and, count, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { analyses, authTokens, batches, documents, users } from "@/lib/db/schema";
import { afterDeletion } from "@/lib/deletion/after-deletion";
import { purgeContent } from "@/lib/deletion/purge-content";
import { AppError } from "@/lib/errors";

export const deleteAccountInputSchema = z.object({
  password: z.string().min(1, "Enter your password to delete your account.").max(1024),
});

/** The address a deleted account keeps: unique, undeliverable (.invalid), frees the real one. */
export const deletedEmailFor = (userId: string) => `deleted-${userId}@deleted.invalid`;

/** Not an argon2 hash: verifying any password against it fails, so nothing signs in as it. */
const UNUSABLE_PASSWORD_HASH = "!account-deleted";

/**
 * The user deletes their account, after typing their password again. Every analysis still
 * queued or running is ended and released, every document and memo purged (as a single
 * deletion does), mail tokens deleted, unsent mails abandoned and erased, all sessions ended;
 * the user row stays as an anonymised tombstone (the ledger's entries point at it) and its
 * e-mail is free for a new sign-up. The last active admin cannot delete their account (409).
 */
export async function deleteAccount(
  user: { id: string },
  input: z.infer<typeof deleteAccountInputSchema>,
): Promise<void> {
  const [account] = await db
    .select({ passwordHash: users.passwordHash, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, user.id));
  if (!account || account.deletedAt) {
    throw new AppError("unauthenticated", "Sign in to continue.");
  }
  // argon2 outside the transaction: no lock waits on a deliberately slow hash.
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    throw new AppError("forbidden", "That password is not correct. Your account was not deleted.");
  }

  const outcome = await db.transaction(async (tx) => {
    // Every admin row locked, in one order: two admins deleting themselves at once cannot both
    // pass the "another admin remains" check.
    const [me] = await tx
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.id, user.id), isNull(users.deletedAt)))
      .for("update");
    if (!me) throw new AppError("unauthenticated", "Sign in to continue.");
    if (me.role === "admin") {
      await tx.execute(sql`select id from users where role = 'admin' order by id for update`);
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(
          and(
            eq(users.role, "admin"),
            ne(users.id, user.id),
            isNull(users.disabledAt),
            isNull(users.deletedAt),
          ),
        );
      if ((others?.n ?? 0) === 0) {
        throw new AppError(
          "conflict",
          "You are the last active administrator. Make someone else an admin first, then delete your account.",
        );
      }
    }

    const ownDocuments = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.userId, user.id), isNull(documents.deletedAt)))
      .orderBy(documents.id)
      .for("update");
    const ownAnalyses = await tx
      .select({ id: analyses.id })
      .from(analyses)
      .where(and(eq(analyses.userId, user.id), isNull(analyses.deletedAt)));
    const purged = await purgeContent(tx, {
      userId: user.id,
      analysisIds: ownAnalyses.map((a) => a.id),
      documentIds: ownDocuments.map((d) => d.id),
    });
    await tx
      .update(batches)
      .set({ name: "Deleted upload", problems: [] })
      .where(eq(batches.userId, user.id));
    await tx.delete(authTokens).where(eq(authTokens.userId, user.id));
    // Every mail to this account: unsent ones are abandoned; none keeps the address or content.
    await tx.execute(sql`
      update mail_outbox set to_address = ${deletedEmailFor(user.id)}, subject = '(deleted)',
        body_text = null, body_html = null,
        abandoned_at = case when sent_at is null then coalesce(abandoned_at, now())
          else abandoned_at end
      where user_id = ${user.id}`);
    // Stripe's events may carry the buyer's name and e-mail; the purchases (amounts, credits)
    // stay as the financial record. A deferred event still needs its payload to be applied.
    await tx.execute(sql`
      update stripe_events set payload = null
      where status <> 'deferred' and payment_intent_id in (
        select payment_intent_id from credit_purchases
        where user_id = ${user.id} and payment_intent_id is not null)`);
    const sessions = await endUserSessions(tx, { userId: user.id, reason: "account_deleted" });
    await tx
      .update(users)
      .set({
        email: deletedEmailFor(user.id),
        name: null,
        passwordHash: UNUSABLE_PASSWORD_HASH,
        disabledAt: sql`coalesce(${users.disabledAt}, now())`,
        deletedAt: sql`now()`,
        analysisMail: "never",
        // The private calendar URL stops working with the account.
        calendarTokenHash: null,
      })
      .where(eq(users.id, user.id));
    await recordAdminAction(tx, {
      actorId: user.id,
      kind: "delete_account",
      reason: "Deleted by the user",
      targetUserId: user.id,
      data: {
        documents: purged.documents,
        analyses: purged.analyses,
        cancelled: purged.cancelledIds.length,
        releasedCredits: purged.releasedCredits,
        sessions: sessions.ended,
      },
    });
    return purged;
  });
  await afterDeletion(user.id, outcome.cancelledIds);
}
