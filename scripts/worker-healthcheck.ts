import os from "node:os";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { closeDb, db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { env } from "@/lib/env";

/**
 * A container health check for a worker (compose.yaml, Dockerfile): healthy when a worker on this
 * host (the container's hostname) has beaten within WORKER_STALE_MS and has not stopped. A worker
 * has no HTTP port; its heartbeat row is what /api/health and the admin console read as well.
 */
const cutoff = new Date(Date.now() - env.WORKER_STALE_MS);
const [row] = await db
  .select({ n: sql<number>`count(*)::int` })
  .from(workerHeartbeats)
  .where(
    and(
      eq(workerHeartbeats.host, os.hostname()),
      gt(workerHeartbeats.lastBeatAt, cutoff),
      isNull(workerHeartbeats.stoppedAt),
    ),
  );
await closeDb();
const alive = row?.n ?? 0;
console.log(alive > 0 ? "worker: healthy" : `worker: no heartbeat from ${os.hostname()}`);
process.exit(alive > 0 ? 0 : 1);
