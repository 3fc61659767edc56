import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { stopChild } from "@/scripts/lib/local-services";
import { ApiClient } from "@/tests/support/api-client";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";

/**
 * A private production stack for one benchmark (its own port, database and queue prefix), with a
 * Postgres client that reads the results from the database and a user with credits to spend.
 */
export async function startBenchStack(
  name: string,
  options: { workers: number; env?: Record<string, string> },
) {
  const stack: TestStack = await startTestStack({
    name,
    port: 30_000 + Math.floor(Math.random() * 1_000),
    workers: options.workers,
    env: options.env,
  });
  const sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
  let workers: ChildProcess[] = [];
  return {
    stack,
    sql,
    /** Signs a new user up and gives every account 100,000 more credits. */
    async signUpWithCredits(): Promise<ApiClient> {
      const { client } = await ApiClient.signUp(stack.baseUrl);
      await sql`update credit_balances set available = available + 100000, granted = granted + 100000`;
      return client;
    },
    /** Stops the worker processes started here and starts `count` new ones. */
    async replaceWorkers(count: number, env: Record<string, string> = {}): Promise<ChildProcess[]> {
      await Promise.all(workers.map((worker) => stopChild(worker, 15_000)));
      workers = [];
      for (let i = 0; i < count; i++) workers.push(await stack.startWorker(env));
      return workers;
    },
    /** The stack's own stop ends every worker it started. */
    async stop(): Promise<void> {
      await sql.end();
      await stack.stop();
    },
  };
}
