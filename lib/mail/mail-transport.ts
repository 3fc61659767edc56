import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type OutgoingMail = { to: string; subject: string; text: string; html: string | null };

let transporter: Transporter | null = null;

/**
 * Sends one mail over SMTP_URL. Without SMTP_URL (development and tests that start no SMTP
 * server; production refuses to start without it) the mail is written to the log, links
 * included, so `npm run dev` works with no mail server.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  if (!env.SMTP_URL) {
    logger.info(
      { mail: { to: mail.to, subject: mail.subject } },
      `mail not sent (no SMTP_URL), here it is:\n${mail.text}`,
    );
    return;
  }
  transporter ??= nodemailer.createTransport(env.SMTP_URL, {
    // A hung server must not hold a delivery pass forever; the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  await transporter.sendMail({
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
  });
}
