import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queueAnalysisEndedMail } from "@/lib/analyses/analysis-ended-mail";
import { isTerminal } from "@/lib/analyses/analysis-status";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import type { CancelAnswer } from "@/lib/analyses/cancel-analysis";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { type AnalysisMailPreference, analyses, users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, getAnalysis, uploadContract, waitForStatus } from "@/tests/support/journey";
import { entriesForAnalysis } from "@/tests/support/ledger";
import { mailsTo, waitForMail } from "@/tests/support/mailbox";
import { withPausedQueue } from "@/tests/support/paused-queue";
import { rotStoredDocument } from "@/tests/support/stored-bytes";
import { waitFor } from "@/tests/support/wait-for";

const stack = integrationStack();
const { baseUrl } = stack;

const creditsWere = (n: number) => (n === 1 ? "1 credit was" : `${n} credits were`);

type CancelBody = { analysis: AnalysisView; cancel: CancelAnswer };

async function userWithPreference(preference: AnalysisMailPreference) {
  const { client, email } = await ApiClient.signUp(baseUrl);
  await db.update(users).set({ analysisMail: preference }).where(eq(users.email, email));
  return { client, email };
}

/** Mails queued for one analysis (the outbox: exact, and no waiting for SMTP to prove "none"). */
async function outboxFor(analysisId: string) {
  return db.execute<{ subject: string }>(
    sql`select subject from mail_outbox where dedupe_key = ${`analysis-ended:${analysisId}`}`,
  );
}

async function finishedAnalysis(client: ApiClient, index: number) {
  const upload = await uploadContract(client, index);
  const { body } = await confirm(client, upload.document.id);
  const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
  expect(last.status).toBe("succeeded");
  return { upload, id: body.analysis.id };
}

describe("an analysis that ends tells its owner", () => {
  it("mails 'memo ready' once, naming the document with its link; a cancel after it says it had finished and charges once", async () => {
    const { client, email } = await userWithPreference("always");
    const { upload, id } = await finishedAnalysis(client, 0);
    const name = upload.document.filename;
    const price = upload.quote.priceCredits;

    const mail = await waitForMail(email, { subject: /^Memo ready:/ });
    expect(mail.subject).toBe(`Memo ready: ${name}`);
    expect(mail.text).toContain(`${baseUrl}/analyses/${id}`);
    expect(mail.text).toContain(`${creditsWere(price)} charged`);

    // The cancel reached it after the end: told so, with the charge; the ledger does not move.
    const cancel = await client.json<CancelBody>("POST", `/api/analyses/${id}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.cancel).toEqual({
      outcome: "already_finished",
      message: `It finished before your cancel reached it: the memo is ready and ${creditsWere(price)} charged.`,
    });
    expect(cancel.body.analysis.status).toBe("succeeded");
    expect(await entriesForAnalysis(id)).toEqual([
      { kind: "hold", amount: price },
      { kind: "capture", amount: price },
    ]);

    // A second ending of the same analysis (a retry, a concurrent ender) queues nothing more.
    const again = await db.transaction((tx) =>
      queueAnalysisEndedMail(tx, id, { outcome: "succeeded", chargedCredits: price }),
    );
    expect(again).toBe(false);
    expect(await outboxFor(id)).toHaveLength(1);
    expect(mailsTo(email).filter((m) => m.subject.includes(name))).toHaveLength(1);
  });

  it("mails a failure with the reason and says the credits were released; a cancel after it says so", async () => {
    const { client, email } = await userWithPreference("always");
    const upload = await uploadContract(client, 1);
    await rotStoredDocument(upload.document.id);
    const { body } = await confirm(client, upload.document.id);
    const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.status).toBe("failed");

    const mail = await waitForMail(email, { subject: /^Analysis failed:/ });
    expect(mail.subject).toBe(`Analysis failed: ${upload.document.filename}`);
    expect(mail.text).toContain(last.error?.message ?? "(no message)");
    expect(mail.text).toMatch(/(was|were) released: nothing was charged/);
    expect(mail.text).toContain(`${baseUrl}/analyses/${body.analysis.id}`);

    const cancel = await client.json<CancelBody>(
      "POST",
      `/api/analyses/${body.analysis.id}/cancel`,
    );
    expect(cancel.body.cancel.outcome).toBe("already_failed");
    expect(cancel.body.cancel.message).toMatch(/already failed.*released/);
  });

  it("sends nothing with 'never', nor with the default 'long' for a short analysis", async () => {
    const never = await userWithPreference("never");
    const { client: short } = await ApiClient.signUp(baseUrl); // default: long
    const [a, b] = await Promise.all([
      finishedAnalysis(never.client, 2),
      finishedAnalysis(short, 3),
    ]);
    expect(await outboxFor(a.id)).toHaveLength(0);
    expect(await outboxFor(b.id)).toHaveLength(0);
  });

  it("tells nobody about a deleted analysis", async () => {
    const { client } = await userWithPreference("always");
    const upload = await uploadContract(client, 7);
    const { body } = await confirm(client, upload.document.id);
    await db
      .update(analyses)
      .set({ deletedAt: new Date() })
      .where(eq(analyses.id, body.analysis.id));
    // A tombstone answers 404 to its owner: watch it in the database (the real deletion also
    // cancels it; this is the mail's own guard for a deletion racing the end).
    const { last } = await waitFor(
      async () =>
        (
          await db
            .select({ status: analyses.status })
            .from(analyses)
            .where(eq(analyses.id, body.analysis.id))
        )[0]?.status,
      (status) => status === "succeeded" || status === "failed",
      { timeoutMs: 60_000, what: "the deleted analysis to end" },
    );
    expect(last).toBe("succeeded");
    expect(await outboxFor(body.analysis.id)).toHaveLength(0);
  });
});

describe("cancels say who and why", () => {
  let admin: ApiClient;
  beforeAll(async () => {
    const adminEmail = `admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(adminEmail, "admin password 1");
  });

  it("shows the owner an admin's cancel reason, and mails it; the owner's own cancel is not mailed", async () => {
    const { client, email } = await userWithPreference("always");
    const first = await uploadContract(client, 4);
    const second = await uploadContract(client, 5);
    const [byAdmin, byUser] = await withPausedQueue(stack, async () => {
      const a = (await confirm(client, first.document.id)).body.analysis.id;
      const b = (await confirm(client, second.document.id)).body.analysis.id;
      const cancelled = await admin.request("POST", `/api/admin/analyses/${a}/cancel`, {
        json: { reason: "Duplicate upload of the same contract" },
      });
      expect(cancelled.status).toBe(200);
      const own = await client.json<CancelBody>("POST", `/api/analyses/${b}/cancel`);
      expect(own.body.cancel).toEqual({
        outcome: "cancelled",
        message: `Cancelled: your ${creditsWere(second.quote.priceCredits)} released.`,
      });
      return [a, b];
    });

    const adminCancelled = await getAnalysis(client, byAdmin);
    expect(adminCancelled).toMatchObject({
      status: "cancelled",
      cancelledBy: "admin",
      cancelReason: "Duplicate upload of the same contract",
    });
    const userCancelled = await getAnalysis(client, byUser);
    expect(userCancelled).toMatchObject({ cancelledBy: "you", cancelReason: null });

    const mail = await waitForMail(email, { subject: /^Analysis cancelled:/ });
    expect(mail.subject).toBe(`Analysis cancelled: ${first.document.filename}`);
    expect(mail.text).toContain("Duplicate upload of the same contract");
    expect(await outboxFor(byUser)).toHaveLength(0);
    // The list says it too (one code path for every view).
    const list = await client.json<{ analyses: AnalysisView[] }>("GET", "/api/analyses");
    expect(list.body.analyses.find((a) => a.id === byAdmin)?.cancelledBy).toBe("admin");
  });

  it("a running analysis an admin cancels is ended by the worker and mailed with the reason", async () => {
    const { client, email } = await userWithPreference("always");
    const upload = await uploadContract(client, 6);
    const { body } = await confirm(client, upload.document.id);
    await waitFor(
      () => getAnalysis(client, body.analysis.id),
      (a) => (a.status === "running" && a.progress.stepIndex >= 2) || isTerminal(a.status),
      { what: "analysis to be running" },
    );
    const cancelled = await admin.request(
      "POST",
      `/api/admin/analyses/${body.analysis.id}/cancel`,
      {
        json: { reason: "Uploaded by mistake, per the customer's call" },
      },
    );
    expect(cancelled.status).toBe(200);
    const { last } = await waitForStatus(client, body.analysis.id, [
      "cancelled",
      "succeeded",
      "failed",
    ]);
    // Each step is slowed in the test stack: the worker sees the cancel long before the end.
    expect(last).toMatchObject({
      status: "cancelled",
      cancelledBy: "admin",
      cancelReason: "Uploaded by mistake, per the customer's call",
    });
    const mail = await waitForMail(email, { subject: /^Analysis cancelled:/ });
    expect(mail.text).toContain("Uploaded by mistake, per the customer's call");
    expect(await outboxFor(body.analysis.id)).toHaveLength(1);
  });
});
