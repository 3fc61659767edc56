import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One row per worker process; /api/health and the admin console read liveness from it. */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  id: text("id").primaryKey(),
  host: text("host").notNull(),
  pid: integer("pid").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  lastBeatAt: timestamp("last_beat_at", { withTimezone: true }).notNull(),
  jobsDone: integer("jobs_done").notNull().default(0),
  /** Jobs it runs at once (WORKER_CONCURRENCY): live workers' sum is the queue's capacity. */
  concurrency: integer("concurrency").notNull().default(1),
  stoppedAt: timestamp("stopped_at", { withTimezone: true }),
});

export type WorkerHeartbeat = typeof workerHeartbeats.$inferSelect;
