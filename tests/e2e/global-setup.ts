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
  // Users are created through the app's own domain function against the test database.
  process.env.DATABASE_URL = stack.databaseUrl;
  const { createUser } = await import("@/lib/auth/create-user");
  const { closeDb } = await import("@/lib/db/client");
  const users = {
    user: { email: `e2e-${randomUUID()}@example.com`, password: "e2e user password" },
    admin: { email: `e2e-admin-${randomUUID()}@example.com`, password: "e2e admin password" },
  };
  await createUser({ ...users.user, name: "E2E User" });
  await createUser({ ...users.admin, name: "E2E Admin", role: "admin" });
  await closeDb();
  fs.mkdirSync(path.dirname(E2E_USERS_FILE), { recursive: true });
  fs.writeFileSync(E2E_USERS_FILE, JSON.stringify(users));
  return () => stack.stop();
}
