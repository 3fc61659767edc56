import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { concurrently } from "concurrently";
import { getOcrAvailability } from "@/lib/ocr/get-ocr-availability";
import { DEMO_USERS } from "./demo-users";
import { ensureAuthSecret, ensurePostgres, ensureRedis, type Service } from "./local-services";

const say = (line: string) => console.log(`[stack] ${line}`);

/**
 * How the stack runs:
 * - `dev`: `next dev` + a watching worker; local Postgres/Redis unless their URLs are set, a
 *   generated secret, demo accounts.
 * - `local`: production mode on this machine (`npm run start:local`): a production build (made if
 *   missing), the same local services and generated secret, no demo accounts.
 * - `production`: `npm start` for a deployment: the configured environment only — nothing is
 *   started, generated or seeded; web and worker refuse to start without what they need.
 */
export type StackMode = "dev" | "local" | "production";

/**
 * Brings up everything the app needs and runs web + worker side by side with labelled logs.
 * Ctrl-C stops all of it cleanly.
 */
export async function runStack(mode: StackMode): Promise<void> {
  const dataDir = path.resolve(process.env.CLAUSEFLOW_DATA_DIR ?? ".data");
  const port = process.env.PORT ?? "3000";
  const started: Service[] = [];
  const stopServices = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => {});
  };
  // Ctrl-C while Postgres, Redis or the migrations start must not end this process before it
  // stops what it started: note the signal and stop after the step under way (a migration run
  // gets the terminal's SIGINT itself and fails). Once web and worker run, concurrently handles it.
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const stopIfInterrupted = () => {
    if (interrupted) throw new Error(`${interrupted} while starting; nothing left running`);
  };

  try {
    let childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: port };
    if (mode !== "production") {
      const postgres = await ensurePostgres(dataDir, say, process.env.DATABASE_URL);
      started.push(postgres);
      stopIfInterrupted();
      const redis = await ensureRedis(dataDir, say, process.env.REDIS_URL);
      started.push(redis);
      stopIfInterrupted();
      childEnv = {
        ...childEnv,
        NODE_ENV: mode === "dev" ? "development" : "production",
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        NEXTAUTH_SECRET: ensureAuthSecret(dataDir),
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      };
    }
    if (mode === "local" && !process.env.SMTP_URL) {
      // Production mode needs an SMTP server: a local one that prints the mails it gets. Imported
      // here only: it uses dev dependencies, which a production install (`npm start`) lacks.
      const { startLocalMailSink } = await import("./local-mail-sink");
      const sink = await startLocalMailSink(say);
      started.push(sink);
      childEnv = { ...childEnv, SMTP_URL: sink.url };
    }
    if (mode === "local") ensureBuild();
    // Demo accounts exist only in development; the seed itself refuses production too.
    const scripts =
      mode === "dev" ? ["scripts/migrate.ts", "scripts/seed.ts"] : ["scripts/migrate.ts"];
    for (const script of scripts) {
      const run = spawnSync(process.execPath, ["--import", "tsx", script], {
        env: childEnv,
        stdio: "inherit",
      });
      stopIfInterrupted();
      if (run.status !== 0) throw new Error(`${script} failed`);
    }
    say(`open ${childEnv.NEXTAUTH_URL ?? `http://localhost:${port}`}`);
    if (mode === "dev") {
      for (const u of DEMO_USERS) say(`sign in as ${u.role}: ${u.email} / ${u.password}`);
    } else {
      say("no demo accounts in production mode; create an admin with");
      say("  npm run user:create -- --email you@example.com --role admin");
    }
    await sayOcrAvailability();

    const next = path.resolve("node_modules/.bin/next");
    const tsx = path.resolve("node_modules/.bin/tsx");
    // The worker runs in plain node with tsx's loader, not under the `tsx` command: that relays a
    // signal to its child and SIGKILLs the child when the child does not acknowledge it within
    // 30 ms — under load a worker draining its jobs, or this very process (hence the npm
    // scripts), was killed that way. `tsx watch` in development restarts it on edits.
    const worker = `${JSON.stringify(process.execPath)} --import tsx worker/index.ts`;
    const { result } = concurrently(
      [
        {
          name: "web",
          command: mode === "dev" ? `${next} dev -p ${port}` : `${next} start -p ${port}`,
          env: childEnv,
        },
        {
          name: "worker",
          command: mode === "dev" ? `${tsx} watch worker/index.ts` : worker,
          env: childEnv,
        },
      ],
      {
        prefix: "[{name}]",
        killOthersOn: ["failure", "success"],
        killSignal: "SIGTERM",
        killTimeout: 35_000,
      },
    );
    await result.catch(() => {});
  } finally {
    await stopServices();
    say("stopped");
  }
  // Everything has stopped, but concurrently's SIGKILL timer (`killTimeout`) would keep this
  // process — and the user's terminal after Ctrl-C — waiting another 35 s.
  process.exit(0);
}

/** Scanned PDFs need tesseract and poppler on this machine; without them the rest still works. */
async function sayOcrAvailability(): Promise<void> {
  const ocr = await getOcrAvailability();
  if (ocr.available) {
    say("scanned PDFs: on (tesseract and poppler found)");
    return;
  }
  say(`${ocr.reason}; text PDFs, DOCX and text files work as usual`);
  say(`to turn scanned PDFs on: ${ocr.howToEnable}`);
}

/** Production mode serves `.next` as built; `npm run start:local` builds once if there is none. */
function ensureBuild(): void {
  if (fs.existsSync(path.resolve(".next", "BUILD_ID"))) return;
  say("no production build found; running `next build` (once)");
  const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}
