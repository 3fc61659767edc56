import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { projectRoot } from "@/tests/support/child-processes";
import { waitFor } from "@/tests/support/wait-for";

/**
 * Every mail the test stacks send lands here, one JSON file per mail in a folder per recipient:
 * a real SMTP server (the `smtp-server` package) receives them in the process that started the
 * stack, and any test process (vitest workers, Playwright specs) reads them by address.
 */
export const MAILBOX_DIR = path.join(projectRoot, "test-results", "mailbox");

export type ReceivedMail = {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
};

const folderOf = (address: string) =>
  path.join(MAILBOX_DIR, address.toLowerCase().replace(/[^a-z0-9@._+-]/g, "_"));

/** A real SMTP server on 127.0.0.1 (any port), no TLS, any login accepted. */
export async function startTestSmtpServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  fs.mkdirSync(MAILBOX_DIR, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "test" }),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            receivedAt: new Date().toISOString(),
          };
          for (const to of mail.to) {
            const folder = folderOf(to);
            fs.mkdirSync(folder, { recursive: true });
            const name = `${Date.now()}-${Math.random().toString(36).slice(2)}.json`;
            // Written beside, then renamed: a reader in another process polling this folder
            // must never see a half-written file (it did, as "Unexpected end of JSON input").
            const partial = path.join(folder, `.${name}.partial`);
            fs.writeFileSync(partial, JSON.stringify(mail));
            fs.renameSync(partial, path.join(folder, name));
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every mail received for `to` so far, oldest first. */
export function mailsTo(to: string): ReceivedMail[] {
  const folder = folderOf(to);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as ReceivedMail);
}

/** Waits for the first mail to `to` whose subject matches (and that `where` accepts). */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp; where?: (mail: ReceivedMail) => boolean; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const match = (mail: ReceivedMail) =>
    (!options.subject || options.subject.test(mail.subject)) && (options.where?.(mail) ?? true);
  const { last } = await waitFor(
    async () => mailsTo(to).find(match),
    (mail) => mail !== undefined,
    { timeoutMs: options.timeoutMs ?? 20_000, what: `a mail to ${to}` },
  );
  return last as ReceivedMail;
}

/** The first link in a mail's text whose path starts with `pathPrefix` (e.g. "/verify-email"). */
export function linkIn(mail: ReceivedMail, pathPrefix: string): URL {
  for (const match of mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.startsWith(pathPrefix)) return url;
  }
  throw new Error(`no ${pathPrefix} link in the mail "${mail.subject}":\n${mail.text}`);
}
