import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startTestStack } from "@/tests/support/test-stack";

export const E2E_USERS_FILE = path.resolve("test-results/e2e-users.json");

/** A private stack for the browser journeys: production build, real worker, own DB and queue. */
export default async function globalSetup() {
  const stack = await startTestStack({
    name: "e2e",
    port: Number(process.env.E2E_PORT),
    workers: 1,
    // Slow steps a little so the test can watch the progress bar move.
    workerEnv: { ANALYSIS_STEP_DELAY_MS: "700" },
  });
  const users = {
    user: { email: `e2e-${randomUUID()}@example.com`, password: "e2e user password" },
    admin: { email: `e2e-admin-${randomUUID()}@example.com`, password: "e2e admin password" },
  };
  try {
    createUserWithCli(stack.env, { ...users.user, role: "user" });
    createUserWithCli(stack.env, { ...users.admin, role: "admin" });
    fs.mkdirSync(path.dirname(E2E_USERS_FILE), { recursive: true });
    fs.writeFileSync(E2E_USERS_FILE, JSON.stringify(users));
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return () => stack.stop();
}

/** Accounts are made with the operator CLI against the stack's own database. */
function createUserWithCli(
  env: NodeJS.ProcessEnv,
  user: { email: string; password: string; role: string },
) {
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/create-user.ts",
      "--email",
      user.email,
      "--password",
      user.password,
      "--role",
      user.role,
    ],
    { env, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`user:create failed: ${run.stderr}`);
}
