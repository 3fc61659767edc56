import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { ApiClient } from "@/tests/support/api-client";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";

/**
 * USER_MAX_ACTIVE=0 turns admission off (the fairness bench's baseline): every confirmed
 * analysis is admitted and handed to the queue at once, as before admission existed.
 */
let stack: TestStack;
let sql: postgres.Sql;

beforeAll(async () => {
  stack = await startTestStack({
    name: "admission-off",
    port: 12_000 + Math.floor(Math.random() * 4_000),
    workers: 1,
    env: { USER_MAX_ACTIVE: "0" },
    workerEnv: { WORKER_CONCURRENCY: "2", ANALYSIS_STEP_DELAY_MS: "250", LOG_LEVEL: "info" },
  });
  sql = postgres(stack.databaseUrl, { max: 2, onnotice: () => {} });
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe("admission off", { timeout: 120_000 }, () => {
  it("admits everything a user confirms at once, and it all finishes", async () => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    const uploads = [];
    for (let i = 0; i < 6; i++) uploads.push(await uploadContract(client, 0));
    const answers = await Promise.all(uploads.map((u) => confirm(client, u.document.id)));
    const analyses: AnalysisView[] = answers.map((a) => a.body.analysis);
    // Right after the confirms, with two worker slots: none waits in Postgres.
    const [waiting] = await sql<{ n: number }[]>`
      select count(*)::int as n from analyses
      where id = any(${analyses.map((a) => a.id)}::uuid[]) and admitted_at is null`;
    expect(waiting!.n).toBe(0);
    for (const a of analyses) {
      const { last } = await waitForStatus(client, a.id, ["succeeded", "failed"], 90_000);
      expect(last.status).toBe("succeeded");
    }
  });
});
