import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, waitForStatus } from "@/tests/support/journey";
import { makeInflatedContentPdf, makeMinimalPdf } from "@/tests/unit/documents/fixtures";

const { baseUrl, databaseUrl } = integrationStack();
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

/** GETs `path` every 100 ms until stopped, recording each answer's status and latency. */
function pollEvery100ms(client: ApiClient, path: string) {
  const answers: { status: number; ms: number }[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      const response = await client.request("GET", path);
      await response.arrayBuffer();
      answers.push({ status: response.status, ms: performance.now() - started });
      await sleep(Math.max(0, 100 - (performance.now() - started)));
    }
  })();
  return {
    answers,
    stop: async () => {
      running = false;
      await done;
      return answers;
    },
  };
}

/** A multipart upload whose body arrives slowly (or never ends): it holds its upload slot. */
function stalledUpload(client: ApiClient, signal: AbortSignal) {
  const boundary = "----stalled";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.txt"\r\nContent-Type: text/plain\r\n\r\nThe Licensee shall pay`;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(head));
      // Never closed: the server waits for the rest until the client gives up.
    },
  });
  return fetch(`${baseUrl}/api/documents`, {
    method: "POST",
    headers: {
      cookie: client.cookieHeader(),
      "content-type": `multipart/form-data; boundary=${boundary}`,
    },
    body,
    duplex: "half",
    signal,
  } as RequestInit).catch(() => undefined);
}

/**
 * The hostile document is read in a child process: the server that received it keeps answering
 * everyone else — a constant route and a real status poll — while the bomb is refused.
 */
describe("a document bomb cannot stall the server", () => {
  let bomber: ApiClient;
  let bomberEmail: string;
  let bystander: ApiClient;
  let analysisId: string;
  let bomb: Uint8Array;

  beforeAll(async () => {
    ({ client: bomber, email: bomberEmail } = await ApiClient.signUp(baseUrl));
    ({ client: bystander } = await ApiClient.signUp(baseUrl));
    const upload = await bystander.upload(
      new TextEncoder().encode("This Agreement is governed by the laws of Delaware."),
      "contract.txt",
    );
    expect(upload.status).toBe(201);
    analysisId = ((await upload.json()) as { quote: { analysisId: string } }).quote.analysisId;
    // ~1.4 MB on the wire, 400 MB of content stream once inflated.
    bomb = await makeInflatedContentPdf();
  }, 120_000);

  it("refuses a 400 MB inflation bomb with a 422 within 10 s while /api/ping and a status poll answer in under 500 ms", async () => {
    // Warm the readers (a child may still be starting after an earlier test killed one).
    await bystander.upload(new TextEncoder().encode("Warm-up agreement text."), "warm.txt");
    const ping = pollEvery100ms(new ApiClient(baseUrl), "/api/ping");
    const status = pollEvery100ms(bystander, `/api/analyses/${analysisId}`);
    await sleep(500);

    const started = performance.now();
    const response = await bomber.upload(bomb, "bomb.pdf", "application/pdf");
    const elapsed = performance.now() - started;
    const body = (await response.json()) as ErrorBody;
    await sleep(300);
    const pings = await ping.stop();
    const polls = await status.stop();

    // Inflating those 400 MB on the server's event loop takes 1–4 s on this 2-core machine, so
    // 500 ms separates "read elsewhere" from "blocked" with room for a loaded CI machine (other
    // test stacks beside it once made a ping take 294 ms); the ping cadence is checked too.
    const slowest = Math.max(...pings.map((p) => p.ms));
    const slowestPoll = Math.max(...polls.map((p) => p.ms));
    console.log(
      `bomb refused in ${elapsed.toFixed(0)} ms (${body.error.details?.reason}); ${pings.length} pings, slowest ${slowest.toFixed(0)} ms; ${polls.length} status polls, slowest ${slowestPoll.toFixed(0)} ms`,
    );
    expect(response.status, JSON.stringify(body)).toBe(422);
    expect(body.error.code).toBe("bad_document");
    expect(body.error.message).toMatch(/Nothing was charged/);
    expect(elapsed).toBeLessThan(10_000);

    expect(pings.length).toBeGreaterThan(elapsed / 200);
    expect(pings.every((p) => p.status === 200)).toBe(true);
    expect(slowest, `slowest /api/ping ${slowest.toFixed(0)} ms`).toBeLessThan(500);

    expect(polls.length).toBeGreaterThan(elapsed / 200);
    expect(polls.every((p) => p.status === 200 || p.status === 304)).toBe(true);
    expect(slowestPoll, `slowest status poll ${slowestPoll.toFixed(0)} ms`).toBeLessThan(500);

    // Refused at upload: nothing was stored for the bomber, nothing held or spent.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from documents d join users u on u.id = d.user_id
        where u.email = ${bomberEmail}`;
      expect(row?.n).toBe(0);
    } finally {
      await sql.end();
    }
    const credits = await bomber.json<{ balance: { held: number; spent: number } }>(
      "GET",
      "/api/me/credits",
    );
    expect(credits.body.balance).toMatchObject({ held: 0, spent: 0 });
  }, 60_000);

  it("lets one user have two uploads in flight; a third is a 429 with Retry-After", async () => {
    const { client } = await ApiClient.signUp(baseUrl);
    const stop = new AbortController();
    const held = [stalledUpload(client, stop.signal), stalledUpload(client, stop.signal)];
    try {
      await sleep(500);
      const third = await client.upload(new TextEncoder().encode("Agreement."), "third.txt");
      const body = (await third.json()) as ErrorBody;
      expect(third.status).toBe(429);
      expect(body.error.code).toBe("rate_limited");
      expect(body.error.message).toMatch(/Nothing was charged/);
      expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
      // Other users are not affected by this user's slots.
      expect((await bystander.upload(new TextEncoder().encode("Agreement."), "b.txt")).status).toBe(
        201,
      );
    } finally {
      stop.abort();
      await Promise.all(held);
    }
  });

  it("counts the whole multipart body: a small file followed by 26 MB of epilogue is a 413", async () => {
    const boundary = "----epilogue";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nThe Licensee shall pay.\r\n--${boundary}--\r\n`,
    );
    const junk = new Uint8Array(1024 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        else if (sent > 26) controller.close();
        else controller.enqueue(junk);
        sent++;
      },
    });
    // No Content-Length (chunked): the up-front check cannot see the size.
    const response = await fetch(`${baseUrl}/api/documents`, {
      method: "POST",
      headers: {
        cookie: bomber.cookieHeader(),
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/Nothing was charged/);
  });

  it("fails an analysis whose stored bytes are a bomb as a bad document, released, not retried", async () => {
    const { client } = await ApiClient.signUp(baseUrl);
    const upload = await client.upload(
      makeMinimalPdf({ pages: 1, text: "The Licensee shall pay the Licensor." }),
      "fine.pdf",
      "application/pdf",
    );
    expect(upload.status).toBe(201);
    const { document } = (await upload.json()) as { document: { id: string } };
    // As if it had been stored under older limits: the worker must still survive reading it.
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`update document_blobs set bytes = ${Buffer.from(bomb)} where document_id = ${document.id}`;
    } finally {
      await sql.end();
    }
    const { body } = await confirm(client, document.id);
    const { last } = await waitForStatus(client, body.analysis.id, ["failed", "succeeded"], 90_000);
    expect(last.status).toBe("failed");
    expect(last.error?.message).toMatch(/too complex/);
    expect(last.error?.message).toMatch(/Nothing was charged/);
    const credits = await client.json<{ balance: { held: number; spent: number } }>(
      "GET",
      "/api/me/credits",
    );
    expect(credits.body.balance).toMatchObject({ held: 0, spent: 0 });
  }, 120_000);
});
