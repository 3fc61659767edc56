/**
 * `npx tsx bench/session-check-cost.ts` — CPU time of the web process per status poll (unchanged
 * analysis → 304), read from /proc before and after a fixed number of polls. Unlike req/s, CPU per
 * request hardly moves when other processes share the cores, so before/after comparisons of the
 * session check (issue: sessions that can be ended) stay meaningful on a busy machine.
 * Prints `session-check-cost: N polls, X µs web CPU per poll, p50 Y ms`.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";
import { percentile } from "@/bench/support/bench-utils";
import { ApiClient } from "@/tests/support/api-client";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { startTestStack } from "@/tests/support/test-stack";

const POLLS = Number(process.env.POLLS ?? 4_000);
const CONCURRENCY = 8;
const port = 30_000 + Math.floor(Math.random() * 1_000);

/** utime + stime of a process and its children, in clock ticks (100 per second on Linux). */
function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ": state is index 0, utime 11, stime 12, cutime 13, cstime 14.
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
}

const stack = await startTestStack({ name: "bench_session", port, workers: 1 });
try {
  const pid = Number(
    execSync(`ss -ltnpH 'sport = :${port}'`, { encoding: "utf8" }).match(/pid=(\d+)/)?.[1],
  );
  const { client } = await ApiClient.signUp(stack.baseUrl);
  const { document } = await uploadContract(client, 0);
  const id = (await confirm(client, document.id)).body.analysis.id;
  await waitForStatus(client, id, ["succeeded"]);
  const first = await client.request("GET", `/api/analyses/${id}`);
  const etag = first.headers.get("etag") ?? "";
  const headers = { cookie: client.cookieHeader(), "if-none-match": etag };
  const poll = async () => {
    const started = performance.now();
    const response = await fetch(`${stack.baseUrl}/api/analyses/${id}`, { headers });
    if (response.status !== 304) throw new Error(`poll answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 300; i++) await poll(); // warm-up: JIT, prepared statements
  const before = cpuTicks(pid);
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < POLLS) latencies.push(await poll());
    }),
  );
  const micros = ((cpuTicks(pid) - before) * 10_000) / POLLS;
  console.log(
    `session-check-cost: ${POLLS} polls, ${micros.toFixed(0)} µs web CPU per poll, p50 ${percentile(latencies, 50).toFixed(1)} ms`,
  );
} finally {
  await stack.stop();
}
