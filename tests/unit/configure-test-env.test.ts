import { expect, it } from "vitest";
import { configureTestEnv } from "@/tests/support/configure-test-env";

// No static import of app modules here: lib/env must not be parsed before the first call
// (vitest runs each file in its own process, so this file starts with a fresh environment).

it("configures the app modules before lib/env is parsed, and refuses once it has been", async () => {
  configureTestEnv({ DB_POOL_MAX: "7", CLAUSEFLOW_SERVICE: "worker" });
  const { env } = await import("@/lib/env");
  expect(env.DB_POOL_MAX).toBe(7);
  // The settings reach what reads them at import: the pool size and every log line's service.
  const { sql, closeDb } = await import("@/lib/db/client");
  expect(sql.options.max).toBe(7);
  await closeDb();
  const { logger } = await import("@/lib/logger");
  expect(logger.bindings()).toMatchObject({ service: "worker" });

  expect(() => configureTestEnv({ DB_POOL_MAX: "8" })).toThrow(/too late: lib\/env was already/);
  expect(process.env.DB_POOL_MAX).toBe("7");
});
