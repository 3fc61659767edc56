/**
 * The account mails' words, as plain text (every client reads it; the link on its own line so
 * it can be copied) and a simple HTML version of the same paragraphs. Pure: the caller builds
 * the links (lib/auth/app-url.ts) and queues the mail.
 */
export type MailText = { subject: string; text: string; html: string };

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Paragraphs of text; a paragraph that is a URL becomes a link (a button-like one in HTML). */
function compose(subject: string, linkLabel: string, paragraphs: string[]): MailText {
  const text = `${paragraphs.join("\n\n")}\n\n— Clauseflow\n`;
  const body = paragraphs
    .map((p) =>
      /^https?:\/\/\S+$/.test(p)
        ? `<p><a href="${escapeHtml(p)}" style="display:inline-block;padding:10px 16px;background:#243b5a;color:#ffffff;border-radius:8px;text-decoration:none">${escapeHtml(linkLabel)}</a></p><p style="color:#555;font-size:13px">Or copy this link: ${escapeHtml(p)}</p>`
        : `<p>${escapeHtml(p)}</p>`,
    )
    .join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1d1d1f;line-height:1.5">\n${body}\n<p style="color:#555">— Clauseflow</p></body></html>`;
  return { subject, text, html };
}

const greeting = (name: string | null | undefined) => (name ? `Hello ${name},` : "Hello,");

export function verifyEmailText(input: {
  name?: string | null;
  link: string;
  credits: number;
}): MailText {
  return compose("Verify your e-mail for Clauseflow", "Verify my e-mail", [
    greeting(input.name),
    input.credits > 0
      ? `Confirm that this is your e-mail address and your ${input.credits} free credits are added to your account. The link works once, for 24 hours:`
      : "Confirm that this is your e-mail address. The link works once, for 24 hours:",
    input.link,
    "If you did not create a Clauseflow account, ignore this mail: nothing happens without the link.",
  ]);
}

export function resetPasswordText(input: { name?: string | null; link: string }): MailText {
  return compose("Reset your Clauseflow password", "Choose a new password", [
    greeting(input.name),
    "Someone (hopefully you) asked to reset the password of your Clauseflow account. Choose a new one with this link; it works once, for 1 hour:",
    input.link,
    "Setting a new password signs out every device signed in to your account. If you did not ask for this, ignore this mail: your password stays as it is.",
  ]);
}

export function confirmEmailChangeText(input: {
  name?: string | null;
  link: string;
  oldEmail: string;
}): MailText {
  return compose("Confirm your new e-mail for Clauseflow", "Confirm this e-mail", [
    greeting(input.name),
    `You asked to change the e-mail of your Clauseflow account from ${input.oldEmail} to this address. Confirm with this link; it works once, for 24 hours:`,
    input.link,
    "Until you confirm, the account keeps its old e-mail. If you did not ask for this, ignore this mail.",
  ]);
}

export function emailChangeNoticeText(input: {
  name?: string | null;
  newEmail: string;
  accountLink: string;
}): MailText {
  return compose("Your Clauseflow e-mail is being changed", "Open my account", [
    greeting(input.name),
    `Someone signed in to your Clauseflow account asked to change its e-mail to ${input.newEmail}. The change happens only when the link we sent to that address is followed.`,
    "If this was not you, change your password now; that also signs out every other device:",
    input.accountLink,
  ]);
}
