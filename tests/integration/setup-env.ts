import { configureTestEnv } from "@/tests/support/configure-test-env";
import { integrationStack } from "@/tests/support/integration-stack";

// Runs before each test file is imported, so `lib/env` parses this worker's stack's URLs.
const stack = integrationStack();
configureTestEnv({
  DATABASE_URL: stack.databaseUrl,
  REDIS_URL: stack.redisUrl,
  QUEUE_PREFIX: stack.queuePrefix,
  LOG_LEVEL: "warn",
});
