import type { TestProject } from "vitest/node";
import { integrationWorkers } from "@/tests/support/integration-workers";
import { startTestStack } from "@/tests/support/test-stack";

/**
 * One production server + worker per integration worker (files run in parallel, each worker on
 * its own database, queue prefix and server); steps are slowed to observe them.
 */
export default async function setup(project: TestProject) {
  const count = integrationWorkers();
  const firstPort = 12_000 + Math.floor(Math.random() * 3_900);
  const stacks = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      startTestStack({
        name: `int${i + 1}`,
        port: firstPort + i * 20,
        workers: 1,
        workerEnv: { ANALYSIS_STEP_DELAY_MS: "400", WORKER_CONCURRENCY: "4" },
        // Hostile-upload tests wait for the reader deadline; 15 s is far above any test document.
        env: { INSPECT_TIMEOUT_MS: "15000" },
      }),
    ),
  );
  project.provide(
    "stacks",
    stacks.map((stack) => ({
      baseUrl: stack.baseUrl,
      databaseUrl: stack.databaseUrl,
      redisUrl: stack.redisUrl,
      queuePrefix: stack.queuePrefix,
      metricsToken: stack.metricsToken,
      sessionSecret: String(stack.env.NEXTAUTH_SECRET),
    })),
  );
  return () => Promise.all(stacks.map((stack) => stack.stop()));
}
