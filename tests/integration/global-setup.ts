import type { TestProject } from "vitest/node";
import { startTestStack } from "@/tests/support/test-stack";

declare module "vitest" {
  export interface ProvidedContext {
    stack: {
      baseUrl: string;
      databaseUrl: string;
      redisUrl: string;
      queuePrefix: string;
      metricsToken: string;
      /** The server's NEXTAUTH_SECRET: tests mint tokens the way an old server did. */
      sessionSecret: string;
    };
  }
}

/** One production server + worker for the integration run; steps are slowed to observe them. */
export default async function setup(project: TestProject) {
  const port = 12_000 + Math.floor(Math.random() * 4_000);
  const stack = await startTestStack({
    name: "int",
    port,
    workers: 1,
    workerEnv: { ANALYSIS_STEP_DELAY_MS: "400", WORKER_CONCURRENCY: "4" },
    // Hostile-upload tests wait for the reader deadline; 15 s is far above any test document.
    env: { INSPECT_TIMEOUT_MS: "15000" },
  });
  project.provide("stack", {
    baseUrl: stack.baseUrl,
    databaseUrl: stack.databaseUrl,
    redisUrl: stack.redisUrl,
    queuePrefix: stack.queuePrefix,
    metricsToken: stack.metricsToken,
    sessionSecret: String(stack.env.NEXTAUTH_SECRET),
  });
  return () => stack.stop();
}
