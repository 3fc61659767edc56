import net from "node:net";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { integrationStack } from "@/tests/support/integration-stack";

const { databaseUrl } = integrationStack();

/**
 * Failures inside postgres.js that `patches/postgres+3.4.9.patch` fixes (docs/decisions/0004).
 * Each client here has one connection, so the query after a failure runs on the connection the
 * failure left behind.
 */
describe("the patched Postgres client after a failure", () => {
  it("a query that failed while streaming rows does not shift the next query's rows", async () => {
    const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      // Rows 1 and 2 reach the client, then row 3 divides by zero.
      const failed = await client`select i, 1 / (3 - i) as q from generate_series(1, 5) i`.catch(
        (error: Error) => error,
      );
      expect(failed).toBeInstanceOf(Error);
      const next = await client`select n from generate_series(1, 3) n`;
      // Unpatched: [ <2 empty items>, {n: 1}, {n: 2}, {n: 3} ] — a row read as "not found".
      expect(next.length).toBe(3);
      expect([...next]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it("a connection reset inside a transaction fails it, and the next query runs", async () => {
    const proxy = await startResettableProxy(new URL(databaseUrl));
    const proxiedUrl = new URL(databaseUrl);
    proxiedUrl.host = `127.0.0.1:${proxy.port}`;
    const client = postgres(proxiedUrl.toString(), {
      max: 1,
      onnotice: () => {},
      backoff: () => 0.05,
    });
    try {
      await client`select 1`;
      const sleeping = proxy.waitForQuery("pg_sleep");
      const transaction = client.begin(async (tx) => {
        await tx`select pg_sleep(5)`;
      });
      await sleeping;
      // A reset (ECONNRESET, as in a failover) reaches the client as 'error' and only later as
      // 'close'; the transaction's ROLLBACK is issued in between. Unpatched, that ROLLBACK
      // stayed the connection's current query forever and every later query queued behind it.
      proxy.resetAll();
      await expect(transaction).rejects.toThrow();
      // The first query after the reset reconnects; the ones after it ran behind the stale one.
      for (const answer of [41, 42, 43]) {
        const [row] = await client`select ${answer}::int as answer`;
        expect(row).toEqual({ answer });
      }
    } finally {
      await client.end({ timeout: 1 });
      await proxy.close();
    }
  }, 15_000);
});

/** A TCP proxy to Postgres whose client-side sockets can be reset (RST) on demand. */
async function startResettableProxy(target: URL) {
  const clientSockets = new Set<net.Socket>();
  let awaited: { text: string; resolve: () => void } | undefined;
  const server = net.createServer((clientSocket) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    clientSockets.add(clientSocket);
    clientSocket.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      if (awaited && chunk.includes(awaited.text)) awaited.resolve();
    });
    upstream.pipe(clientSocket);
    const teardown = () => {
      clientSockets.delete(clientSocket);
      upstream.destroy();
      clientSocket.destroy();
    };
    clientSocket.on("error", teardown).on("close", teardown);
    upstream.on("error", teardown).on("close", teardown);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    /** Resolves once a query containing `text` has gone through (and had time to start). */
    waitForQuery: (text: string) =>
      new Promise<void>((resolve) => {
        awaited = { text, resolve: () => setTimeout(resolve, 200) };
      }),
    resetAll: () => {
      for (const socket of clientSockets) socket.resetAndDestroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
