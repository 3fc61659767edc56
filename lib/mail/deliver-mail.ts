import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { sendMail } from "@/lib/mail/mail-transport";

/** Attempts before a mail is given up (about a day of backoff). */
const MAX_ATTEMPTS = 12;
/** A claimed mail not marked sent by then (its sender died) is tried again. */
const CLAIM_SECONDS = 120;
/** A mail still unsent after this long is no use (its links expired): given up, body erased. */
const GIVE_UP_AFTER_HOURS = 24;

type ClaimedMail = {
  id: number;
  to_address: string;
  subject: string;
  body_text: string | null;
  body_html: string | null;
  attempts: number;
};

/**
 * One delivery pass over the outbox: claims due mails (a lease, so two processes never send the
 * same one at once and a crashed sender's mails come back), sends each, and marks it sent with
 * its body erased — or schedules the next try with exponential backoff. Returns how many went.
 */
export async function deliverPendingMails(limit = 20): Promise<{ sent: number; failed: number }> {
  await db.execute(sql`
    update mail_outbox set abandoned_at = now(), body_text = null, body_html = null,
      last_error = coalesce(last_error, 'not sent in time')
    where sent_at is null and abandoned_at is null
      and created_at < now() - make_interval(hours => ${GIVE_UP_AFTER_HOURS})`);
  const claimed = await db.execute<ClaimedMail>(sql`
    update mail_outbox set attempts = attempts + 1,
      next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS})
    where id in (
      select id from mail_outbox
      where sent_at is null and abandoned_at is null and next_attempt_at <= now()
      order by next_attempt_at limit ${limit}
      for update skip locked)
    returning id, to_address, subject, body_text, body_html, attempts`);
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await sendMail({
        to: mail.to_address,
        subject: mail.subject,
        text: mail.body_text ?? "",
        html: mail.body_html,
      });
      await db.execute(sql`
        update mail_outbox set sent_at = now(), body_text = null, body_html = null,
          last_error = null
        where id = ${mail.id}`);
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = mail.attempts >= MAX_ATTEMPTS;
      // 30 s, 1 min, 2 min … capped at 2 h.
      const backoffSeconds = Math.min(7_200, 30 * 2 ** (mail.attempts - 1));
      await db.execute(sql`
        update mail_outbox set last_error = ${message.slice(0, 500)},
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds}),
          abandoned_at = case when ${giveUp} then now() end,
          body_text = case when ${giveUp} then null else body_text end,
          body_html = case when ${giveUp} then null else body_html end
        where id = ${mail.id}`);
      logger.warn({ mailId: mail.id, attempts: mail.attempts, err: message }, "mail not sent");
    }
  }
  return { sent, failed };
}

let running: Promise<unknown> | null = null;

/**
 * Call after a transaction that queued mail has committed: delivers now, in the background, so
 * the request does not wait on SMTP. A pass already running picks nothing twice; whatever this
 * misses (a crash, SMTP down) the workers' maintenance delivers later.
 */
export function deliverMailsSoon(): void {
  const pass = (running ?? Promise.resolve()).then(() => deliverPendingMails());
  running = pass;
  pass
    .catch((error: unknown) => logger.warn({ err: error }, "mail delivery pass failed"))
    .finally(() => {
      if (running === pass) running = null;
    });
}
