import { spawnSync } from "node:child_process";
import path from "node:path";
import { concurrently } from "concurrently";
import { ensureAuthSecret, ensurePostgres, ensureRedis, type Service } from "./local-services";
import { DEMO_USERS } from "./seed-demo-users";

const say = (line: string) => console.log(`[stack] ${line}`);

/**
 * Brings up everything the app needs and runs web + worker side by side with labelled logs.
 * Services are started here only when their URL is unset; Ctrl-C stops all of it cleanly.
 */
export async function runStack(mode: "dev" | "production"): Promise<void> {
  const dataDir = path.resolve(process.env.CLAUSEFLOW_DATA_DIR ?? ".data");
  const port = process.env.PORT ?? "3000";
  const started: Service[] = [];
  const stopServices = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => {});
  };

  try {
    const postgres = await ensurePostgres(dataDir, say);
    started.push(postgres);
    const redis = await ensureRedis(dataDir, say);
    started.push(redis);

    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: mode === "dev" ? "development" : "production",
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      NEXTAUTH_SECRET: ensureAuthSecret(dataDir),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: port,
    };
    for (const script of ["scripts/migrate.ts", "scripts/seed.ts"]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", script], {
        env: childEnv,
        stdio: "inherit",
      });
      if (run.status !== 0) throw new Error(`${script} failed`);
    }
    say(`open http://localhost:${port}`);
    for (const u of DEMO_USERS) say(`sign in as ${u.role}: ${u.email} / ${u.password}`);

    const next = path.resolve("node_modules/.bin/next");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const { result } = concurrently(
      [
        {
          name: "web",
          command: mode === "dev" ? `${next} dev -p ${port}` : `${next} start -p ${port}`,
          env: childEnv,
        },
        {
          name: "worker",
          command: mode === "dev" ? `${tsx} watch worker/index.ts` : `${tsx} worker/index.ts`,
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
