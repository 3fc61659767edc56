import type { DbOrTx } from "@/lib/db/client";
import { mailOutbox } from "@/lib/db/schema";

/** A mail to send: plain text always (every client reads it), HTML optional. */
export type MailDraft = {
  /** What it is, for the log and the admin: `verify_email`, `analysis_finished` … */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  userId?: string | null;
  /** One mail per fact: a second draft with the same key is dropped. */
  dedupeKey?: string;
};

/**
 * Puts a mail in the outbox, in the caller's transaction, so it is sent exactly when what it
 * tells about has committed (and never when that rolled back). Delivery happens after commit
 * (lib/mail/deliver-mail.ts). Returns the outbox id, or null when `dedupeKey` was seen before.
 */
export async function queueMail(tx: DbOrTx, mail: MailDraft): Promise<number | null> {
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      userId: mail.userId ?? null,
      dedupeKey: mail.dedupeKey ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: mailOutbox.id });
  return row?.id ?? null;
}
