import { randomBytes } from "node:crypto";
import os from "node:os";
import { APP_VERSION } from "@/lib/app-version";
import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import {
  ANALYSIS_QUEUE,
  closeAnalysisQueue,
  getReadyAnalysisQueue,
} from "@/lib/jobs/analysis-queue";
import { createAnalysisWorker } from "@/lib/jobs/create-analysis-worker";
import { createRedisConnection } from "@/lib/jobs/redis-connection";
import { runMaintenance } from "@/lib/jobs/run-maintenance";
import { beatWorker, markWorkerStopped, registerWorker } from "@/lib/jobs/worker-heartbeat";
import { logger } from "@/lib/logger";

const SHUTDOWN_DEADLINE_MS = 30_000;
const HEARTBEAT_MS = 5_000;

const workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const log = logger.child({ workerId });
let jobsDone = 0;

async function warnUnlessNoEviction(connection: ReturnType<typeof createRedisConnection>) {
  try {
    const reply = (await connection.config("GET", "maxmemory-policy")) as string[];
    const policy = reply[1];
    if (policy !== "noeviction") {
      log.warn(
        { policy },
        "REDIS maxmemory-policy IS NOT noeviction: Redis may silently drop queued jobs under memory pressure",
      );
    }
  } catch (error) {
    log.warn({ err: (error as Error).message }, "could not read Redis maxmemory-policy");
  }
}

async function main() {
  await registerWorker({
    id: workerId,
    host: os.hostname(),
    pid: process.pid,
    concurrency: env.WORKER_CONCURRENCY,
  });
  const connection = createRedisConnection("worker");
  await warnUnlessNoEviction(connection);

  const worker = createAnalysisWorker({
    workerId,
    logger: log,
    connection,
    onJobDone: () => {
      jobsDone++;
    },
  });
  worker.on("error", (error) => log.error({ err: error.message }, "worker error"));
  worker.on("failed", (job, error) =>
    log.warn(
      {
        analysisId: job?.data.analysisId,
        jobId: job?.id,
        err: error.message,
        attemptsMade: job?.attemptsMade,
      },
      "job failed",
    ),
  );

  const heartbeat = setInterval(() => {
    beatWorker(workerId, jobsDone).catch((e: Error) =>
      log.warn({ err: e.message }, "heartbeat failed"),
    );
  }, HEARTBEAT_MS);
  let maintaining = false;
  const maintain = async () => {
    if (maintaining) return;
    maintaining = true;
    await runMaintenance(log)
      .catch((e: Error) => log.warn({ err: e.message }, "maintenance failed"))
      .finally(() => {
        maintaining = false;
      });
  };
  const maintenance = setInterval(maintain, env.MAINTENANCE_INTERVAL_MS);
  void maintain();

  const counts = await getReadyAnalysisQueue(5_000)
    .then((queue) => queue.getJobCounts("waiting", "active", "delayed"))
    .catch(() => null);
  log.info(
    {
      pid: process.pid,
      version: APP_VERSION,
      queue: ANALYSIS_QUEUE,
      prefix: env.QUEUE_PREFIX,
      pending: counts,
      concurrency: env.WORKER_CONCURRENCY,
    },
    "ready",
  );

  let stoppingSince = 0;
  const shutdown = async (signal: string) => {
    if (stoppingSince) {
      // One Ctrl-C can arrive twice (terminal process group + a wrapper relaying it); only a
      // second, deliberate signal means "exit now".
      if (Date.now() - stoppingSince < 1_000) return;
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info({ signal }, "shutting down: finishing current jobs");
    clearInterval(heartbeat);
    clearInterval(maintenance);
    const deadline = setTimeout(() => {
      log.warn("shutdown deadline passed; exiting (unfinished jobs will be retried)");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Shortly before the deadline, hand back whatever is still running so another worker retries it.
    setTimeout(() => worker.cancelAllJobs("shutdown"), SHUTDOWN_DEADLINE_MS - 5_000).unref();
    await worker.close().catch(() => {});
    await markWorkerStopped(workerId).catch(() => {});
    await closeAnalysisQueue();
    connection.disconnect();
    await closeDb();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, "worker failed to start");
  process.exit(1);
});
