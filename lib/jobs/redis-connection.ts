import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Workers: `maxRetriesPerRequest: null` and reconnect forever (BullMQ's production guide), so a
 * Redis restart pauses them instead of killing them. Producers (web): fail fast, so a request
 * never hangs on Redis — the analysis is already safe in Postgres and the relay enqueues it later.
 */
export function createRedisConnection(role: "worker" | "producer", url = env.REDIS_URL): Redis {
  const common: RedisOptions = {
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 6), 5_000),
    connectionName: `clauseflow-${role}`,
  };
  const options: RedisOptions =
    role === "worker"
      ? { ...common, maxRetriesPerRequest: null, enableOfflineQueue: true }
      : { ...common, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  const connection = new Redis(url, options);
  let lastLogged = 0;
  connection.on("error", (error) => {
    // One line per 10 s at most: a Redis outage must be visible but must not flood the logs.
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.warn({ err: error.message, role }, "redis connection error");
  });
  return connection;
}
