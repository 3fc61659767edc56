import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { TransactionSql } from "postgres";
import type { Tx } from "@/lib/db/client";

/** Hex characters per write: small enough that each socket write returns at once. */
const PIECE_BYTES = 256 * 1024;

/**
 * Writes a document's bytes into `document_blobs` inside the caller's transaction, streamed with
 * `COPY … FROM STDIN` in small pieces, yielding to the event loop between them.
 *
 * Why not a plain INSERT: postgres.js sends a bytea parameter as one hex message (50 MB for a
 * 25 MB upload), and libuv writes it to the socket in one synchronous loop for as long as
 * Postgres keeps reading — measured at ~1 s during which the web process answered nobody
 * (bench:uploads: status-poll p99 1,461 ms). Streamed, the longest stall is tens of ms.
 */
export async function copyDocumentBytes(
  tx: Tx,
  documentId: string,
  bytes: Uint8Array,
): Promise<void> {
  // drizzle keeps the transaction's postgres.js connection on its session (drizzle-orm is pinned
  // to one version; tests/integration check the stored bytes' sha256).
  const sql = (tx as unknown as { session: { client: TransactionSql } }).session.client;
  const stream = await sql`copy document_blobs (document_id, bytes) from stdin`.writable();
  const finished = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
  });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // COPY's text format: tab-separated columns, backslash escapes, so bytea's `\x` is `\\x`.
  stream.write(`${documentId}\t\\\\x`);
  for (let at = 0; at < buffer.byteLength; at += PIECE_BYTES) {
    const piece = buffer.subarray(at, at + PIECE_BYTES).toString("hex");
    if (!stream.write(piece)) await new Promise((resolve) => stream.once("drain", resolve));
    await yieldToEventLoop();
  }
  stream.end("\n");
  await finished;
}
