import { Redis, type RedisOptions } from "ioredis";
import { env, type RedisTarget } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Behind Sentinel, ioredis asks the sentinels for the master on every (re)connect. What makes a
 * failover transparent (no restart of web or worker; BullMQ users report workers that silently
 * stop after one — taskforcesh/bullmq#3088, #4378, which 6.x's `reconnectBlocking` addresses):
 * - `failoverDetector`: subscribe to `+switch-master` on the sentinels and drop the connection at
 *   once, instead of writing to a demoted master until it answers READONLY or goes away;
 * - `reconnectOnError` → 2 on READONLY: a command that reached the old master (now a replica) is
 *   sent again after reconnecting, to whichever master the sentinels name now;
 * - `sentinelRetryStrategy` that never gives up: while no sentinel answers (a partition), keep
 *   asking every second rather than ending the connection for good.
 */
function sentinelOptions(target: Extract<RedisTarget, { kind: "sentinel" }>): RedisOptions {
  return {
    sentinels: target.sentinels,
    name: target.name,
    role: "master",
    username: target.username,
    password: target.password,
    sentinelPassword: target.sentinelPassword,
    failoverDetector: true,
    sentinelRetryStrategy: (times) => Math.min(100 * times, 1_000),
    // Reconnects of the failover detector's sentinel connections (default: once a minute).
    sentinelReconnectStrategy: () => 2_000,
    reconnectOnError: (error) => (error.message.startsWith("READONLY") ? 2 : false),
  };
}

/**
 * Workers: `maxRetriesPerRequest: null` and reconnect forever (BullMQ's production guide), so a
 * Redis restart pauses them instead of killing them. Producers (web): fail fast, so a request
 * never hangs on Redis — the analysis is already safe in Postgres and the relay enqueues it later.
 */
export function createRedisConnection(
  role: "worker" | "producer",
  where: RedisTarget | string = env.REDIS,
): Redis {
  const target: RedisTarget = typeof where === "string" ? { kind: "direct", url: where } : where;
  const common: RedisOptions = {
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 6), 5_000),
    connectionName: `clauseflow-${role}`,
  };
  const options: RedisOptions =
    role === "worker"
      ? { ...common, maxRetriesPerRequest: null, enableOfflineQueue: true }
      : { ...common, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  const connection =
    target.kind === "sentinel"
      ? new Redis({ ...options, ...sentinelOptions(target) })
      : new Redis(target.url, options);
  let lastLogged = 0;
  connection.on("error", (error) => {
    // One line per 10 s at most: a Redis outage must be visible but must not flood the logs.
    if (Date.now() - lastLogged < 10_000) return;
    lastLogged = Date.now();
    logger.warn({ err: error.message, role }, "redis connection error");
  });
  return connection;
}
