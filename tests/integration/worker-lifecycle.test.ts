import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Queue } from "bullmq";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ANALYSIS_QUEUE } from "@/lib/jobs/analysis-queue";
import { analyzeJob } from "@/lib/jobs/definitions/analyze-job";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, getAnalysis, uploadContract } from "@/tests/support/journey";
import { deleteQueueKeys } from "@/tests/support/test-stack";
import { waitFor } from "@/tests/support/wait-for";

const stack = integrationStack();

describe("worker liveness and shutdown", () => {
  let client: ApiClient;
  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(stack.baseUrl));
  });

  it("reports 503 when no worker has a fresh heartbeat, and 200 again once one beats", async () => {
    await db.execute(sql`update worker_heartbeats set last_beat_at = now() - interval '1 hour'`);
    const down = await new ApiClient(stack.baseUrl).json<{
      ok: boolean;
      workers: { alive: number };
    }>("GET", "/api/health");
    expect(down.status).toBe(503);
    expect(down.body.workers.alive).toBe(0);
    // Liveness is the web process alone: a worker outage must not make a probe restart it.
    const live = await fetch(`${stack.baseUrl}/api/ping`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ ok: true });
    // The live worker beats every 5 s.
    await waitFor(
      async () => (await fetch(`${stack.baseUrl}/api/health`)).status,
      (status) => status === 200,
      { timeoutMs: 15_000, intervalMs: 500, what: "health to recover" },
    );
  });

  it("finishes the job in hand on SIGTERM, then exits cleanly and marks itself stopped", async () => {
    // Route one analysis to a worker of our own: hold it back from the suite's queue, then hand
    // it to a worker listening on a private prefix.
    const privatePrefix = `${stack.queuePrefix}-sigterm`;
    const shared = new Queue(ANALYSIS_QUEUE, {
      connection: { url: stack.redisUrl },
      prefix: stack.queuePrefix,
    });
    const mine = new Queue(ANALYSIS_QUEUE, {
      connection: { url: stack.redisUrl },
      prefix: privatePrefix,
    });
    await shared.pause();
    const upload = await uploadContract(client, 8);
    const { body } = await confirm(client, upload.document.id);
    await shared.remove(body.analysis.id);
    await shared.resume();

    const worker = spawn(process.execPath, ["--import", "tsx", "worker/index.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: stack.databaseUrl,
        REDIS_URL: stack.redisUrl,
        QUEUE_PREFIX: privatePrefix,
        ANALYSIS_STEP_DELAY_MS: "400",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    worker.stdout.on("data", collect);
    worker.stderr.on("data", collect);
    try {
      await waitFor(
        async () => output,
        (o) => o.includes('"msg":"ready"'),
        { what: "worker ready" },
      );
      const workerId = /"workerId":"([^"]+)"/.exec(output)?.[1];
      // One `ready` line with what a deploy check looks for: queue, concurrency and version.
      const ready = JSON.parse(
        output.split("\n").find((line) => line.includes('"msg":"ready"')) ?? "{}",
      ) as Record<string, unknown>;
      const { version } = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
        version: string;
      };
      expect(ready).toMatchObject({
        queue: ANALYSIS_QUEUE,
        version,
        concurrency: expect.any(Number),
      });
      const payload = { analysisId: body.analysis.id };
      await mine.add(analyzeJob.name, payload, { jobId: analyzeJob.jobId(payload) });
      await waitFor(
        () => getAnalysis(client, body.analysis.id),
        (a) => a.status === "running" && a.progress.stepIndex >= 2,
        { what: "our worker to be mid-analysis" },
      );

      const exited = new Promise<number | null>((resolve) =>
        worker.once("exit", (code) => resolve(code)),
      );
      worker.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"shutting down: finishing current jobs"');
      expect(output).toContain('"msg":"analysis succeeded"');
      expect(output).toContain('"msg":"stopped"');
      expect((await getAnalysis(client, body.analysis.id)).status).toBe("succeeded");
      const [beat] = await db.execute<{ stopped: boolean }>(
        sql`select stopped_at is not null as stopped from worker_heartbeats where id = ${workerId ?? ""}`,
      );
      expect(beat?.stopped).toBe(true);
    } finally {
      if (worker.exitCode === null) worker.kill("SIGKILL");
      fs.writeFileSync(path.join("test-results", `worker-sigterm-${randomUUID()}.log`), output);
      await shared.close();
      await mine.close();
      await deleteQueueKeys(stack.redisUrl, privatePrefix);
    }
  });
});
