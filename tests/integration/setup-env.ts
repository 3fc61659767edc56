import { integrationStack } from "@/tests/support/integration-stack";

// Runs before each test file is imported, so `lib/env` parses this worker's stack's URLs.
const stack = integrationStack();
process.env.DATABASE_URL = stack.databaseUrl;
process.env.REDIS_URL = stack.redisUrl;
process.env.QUEUE_PREFIX = stack.queuePrefix;
process.env.LOG_LEVEL = "warn";
