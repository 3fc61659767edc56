import { spawnSync } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_USERS } from "@/scripts/lib/demo-users";
import { ApiClient } from "@/tests/support/api-client";
import { projectRoot } from "@/tests/support/child-processes";
import { integrationStack } from "@/tests/support/integration-stack";

const stack = integrationStack();
const REQUIRED = [
  "DATABASE_URL",
  "REDIS_URL",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "SMTP_URL",
  "MAIL_FROM",
];

/** This process's environment without the production configuration (and no test-runner hints). */
function productionEnvWithout(names: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", ...extra };
  for (const name of [...names, "NEXT_PHASE", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID"]) {
    delete env[name];
  }
  return env;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(command, args, { cwd: projectRoot, env, encoding: "utf8", timeout: 60_000 });
}

describe("production start is safe by default", () => {
  it("refuses to start the web server without its configuration, naming every variable", () => {
    const port = String(12_000 + Math.floor(Math.random() * 4_000));
    const web = run(
      path.join(projectRoot, "node_modules/.bin/next"),
      ["start", "-p", port, "-H", "127.0.0.1"],
      productionEnvWithout(REQUIRED),
    );
    expect(web.error).toBeUndefined(); // exited by itself, not killed by the timeout
    expect(web.status).not.toBe(0);
    const output = `${web.stdout}${web.stderr}`;
    expect(output).toContain("[web] cannot start");
    for (const name of REQUIRED) expect(output).toContain(`${name} is not set`);
  });

  it("refuses to start a worker without its configuration, in one message", () => {
    const worker = run(
      process.execPath,
      ["--import", "tsx", "worker/index.ts"],
      productionEnvWithout(["DATABASE_URL", "REDIS_URL", "NEXTAUTH_URL", "SMTP_URL", "MAIL_FROM"], {
        NEXTAUTH_SECRET: "too short",
      }),
    );
    expect(worker.error).toBeUndefined();
    expect(worker.status).toBe(1);
    const lines = worker.stderr.split("\n");
    const start = lines.findIndex((l) => l.includes("[worker] cannot start"));
    expect(start).toBeGreaterThanOrEqual(0);
    const message = lines.slice(start, start + 7).join("\n");
    expect(message).toContain("DATABASE_URL is not set");
    expect(message).toContain("REDIS_URL is not set");
    expect(message).toContain("NEXTAUTH_SECRET is too short (9 characters, need 32+)");
    expect(message).toContain("NEXTAUTH_URL is not set");
    expect(message).toContain("SMTP_URL is not set");
    expect(message).toContain("MAIL_FROM is not set");
    // One message, not a stack trace from whichever import failed first.
    expect(worker.stderr).not.toMatch(/\n\s+at /);
  });

  it("never creates the demo accounts in production: the seed refuses", () => {
    const seed = run(process.execPath, ["--import", "tsx", "scripts/seed.ts"], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      NEXTAUTH_SECRET: stack.sessionSecret,
      NEXTAUTH_URL: stack.baseUrl,
      SMTP_URL: "smtp://127.0.0.1:9",
      MAIL_FROM: "Clauseflow <no-reply@example.com>",
    });
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain("refusing to create demo accounts");
    expect(`${seed.stdout}${seed.stderr}`).not.toContain("admin-password");
  });

  it("refuses the demo credentials on a production server", async () => {
    const [found] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from users where lower(email) in ('demo@example.com', 'admin@example.com')`,
    );
    expect(found?.n).toBe(0);
    for (const demo of DEMO_USERS) {
      await expect(new ApiClient(stack.baseUrl).signIn(demo.email, demo.password)).rejects.toThrow(
        /sign-in failed/,
      );
    }
  });
});
