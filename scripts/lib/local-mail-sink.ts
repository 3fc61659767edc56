import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Service } from "./local-services";

/**
 * `npm run start:local`: production mode requires SMTP_URL, and this machine has no mail
 * server. This one (127.0.0.1, any port, no TLS, any login) prints each mail it receives, links
 * included, as `npm run dev` logs them. Never used by `npm start`.
 */
export async function startLocalMailSink(say: (line: string) => void): Promise<Service> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: "local" }),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
          say(`mail to ${to}: ${mail.subject ?? ""}\n${mail.text ?? ""}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    startedHere: true,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
