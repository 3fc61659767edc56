import { inject } from "vitest";

// Runs before each test file is imported, so `lib/env` parses the test stack's URLs.
const stack = inject("stack");
process.env.DATABASE_URL = stack.databaseUrl;
process.env.REDIS_URL = stack.redisUrl;
process.env.QUEUE_PREFIX = stack.queuePrefix;
process.env.LOG_LEVEL = "warn";
