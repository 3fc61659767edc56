import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { percentile } from "@/bench/support/bench-utils";

export type Poll = { path: string; cookie: string; etag: string };

/**
 * Open tabs polling a status URL, as browsers do: each tab has its own keep-alive connection and
 * asks every `everyMs`, the tabs' phases spread evenly over the interval (tabs are opened at
 * different moments), revalidating with the ETag it holds or not. Unlike a closed-loop
 * load generator, the rate stays `tabs / everyMs` however slow the server gets, so the latency
 * measured is what a tab sees at that load.
 */
export async function pollLikeTabs(options: {
  baseUrl: string;
  tabs: number;
  everyMs: number;
  seconds: number;
  polls: readonly Poll[];
  /** Send the ETag each tab holds (unchanged analyses answer 304); false: every answer is full. */
  revalidate: boolean;
}) {
  const url = new URL(options.baseUrl);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const start = performance.now() + 500;
  const end = start + options.seconds * 1000;

  const ask = (agent: http.Agent, poll: Poll) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: poll.path,
          agent,
          headers: {
            cookie: poll.cookie,
            ...(options.revalidate ? { "if-none-match": poll.etag } : {}),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end();
    });

  const agents = Array.from(
    { length: options.tabs },
    () => new http.Agent({ keepAlive: true, maxSockets: 1 }),
  );
  await Promise.all(
    agents.map(async (agent, tab) => {
      const poll = options.polls[tab % options.polls.length]!;
      for (let due = start + (tab * options.everyMs) / options.tabs; due < end; ) {
        await sleep(Math.max(0, due - performance.now()));
        const sent = performance.now();
        try {
          const status = await ask(agent, poll);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          latencies.push(performance.now() - sent);
        } catch {
          errors++;
        }
        due += options.everyMs;
      }
      agent.destroy();
    }),
  );
  return {
    latencies,
    perSecond: latencies.length / options.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    statuses: Object.fromEntries(statuses),
    errors,
  };
}
