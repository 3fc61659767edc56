/**
 * Child process of tests/integration/pgbouncer.test.ts, started with DATABASE_URL pointing at a
 * PgBouncer in transaction mode and DATABASE_PREPARED_STATEMENTS=false: runs the web side's
 * database work (sign-in session, the live-session check, upload, confirm) for `POOLED_JOBS`
 * analyses at once, waits until the worker (also pooled) finishes them, prints one JSON line.
 */
import { randomUUID } from "node:crypto";

const jobs = Number(process.env.POOLED_JOBS ?? 8);
const { createUser } = await import("@/lib/auth/create-user");
const { startUserSession } = await import("@/lib/auth/start-user-session");
const { getLiveSession } = await import("@/lib/auth/get-live-session-user");
const { db, sql, closeDb } = await import("@/lib/db/client");
const { storeUploadedDocument } = await import("@/lib/documents/store-uploaded-document");
const { confirmAnalysis } = await import("@/lib/analyses/confirm-analysis");
const { closeAnalysisQueue } = await import("@/lib/jobs/analysis-queue");

const { userId } = await createUser({
  email: `pooled-${randomUUID()}@example.com`,
  password: "pooled password",
  grantCredits: 10_000,
});
const { sessionId } = await startUserSession(db, { userId });
const ids = await Promise.all(
  Array.from({ length: jobs }, async (_, i) => {
    // The named-statement query of every request, many times over, on whichever server
    // connection the pooler hands out.
    const session = await getLiveSession({ uid: userId, sid: sessionId });
    if (session.state !== "live") throw new Error(`session ${session.state}`);
    const { document } = await storeUploadedDocument({
      userId,
      originalName: `pooled-${i}.txt`,
      bytes: new TextEncoder().encode(
        `This Services Agreement is made between Acme Inc. ("Supplier") and Beta LLC ("Customer"). It is governed by the laws of the State of New York. Customer shall pay $${i + 100} within 30 days of invoice.`,
      ),
    });
    const { analysis } = await confirmAnalysis({
      userId,
      documentId: document.id,
      idempotencyKey: `pooled-${randomUUID()}`,
      rerun: true,
      acknowledgeWarning: true,
    });
    return analysis.id;
  }),
);
const deadline = Date.now() + 30_000;
let rows: { status: string }[] = [];
while (Date.now() < deadline) {
  rows = [...(await sql`select status::text as status from analyses where id = any(${ids})`)] as {
    status: string;
  }[];
  if (rows.every((r) => r.status === "succeeded" || r.status === "failed")) break;
  await new Promise((r) => setTimeout(r, 200));
}
const [ledger] = await sql`
  select count(*) filter (where kind = 'capture')::int as captures
  from credit_entries where analysis_id = any(${ids})`;
console.log(
  JSON.stringify({
    statuses: rows.map((r) => r.status),
    captures: Number(ledger?.captures ?? 0),
  }),
);
await closeAnalysisQueue();
await closeDb();
process.exit(0);
