import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, getAnalysis, uploadContract } from "@/tests/support/journey";
import { withPausedQueue } from "@/tests/support/paused-queue";

const stack = integrationStack();

/**
 * The status API tells a queued analysis where it stands: its user's analyses ahead, its place in
 * the workers' line once admitted, and an estimate — and the ETag changes when the place does,
 * so a poll answered 304 never hides a move up the queue.
 */
describe("queue position in the status API", () => {
  let client: ApiClient;
  beforeAll(async () => {
    const signedUp = await ApiClient.signUp(stack.baseUrl);
    client = signedUp.client;
    // One analysis at a time for this user: the second and third wait for admission.
    await db
      .update(users)
      .set({ maxActiveAnalyses: 1 })
      .where(eq(users.email, signedUp.email.toLowerCase()));
  });

  const poll = async (id: string, etag?: string) => {
    const response = await client.request("GET", `/api/analyses/${id}`, {
      headers: etag ? { "if-none-match": etag } : {},
    });
    const body =
      response.status === 200 ? ((await response.json()) as { analysis: AnalysisView }) : null;
    return { status: response.status, etag: response.headers.get("etag") ?? "", body };
  };

  it("counts the user's analyses ahead, admits in order, and moves the ETag with the place", async () => {
    await withPausedQueue(stack, async () => {
      const ids: string[] = [];
      for (const index of [0, 1, 2]) {
        const upload = await uploadContract(client, index);
        const { body } = await confirm(client, upload.document.id);
        expect(body.analysis.status).toBe("queued");
        ids.push(body.analysis.id);
      }
      const [first, second, third] = ids as [string, string, string];

      const firstView = await getAnalysis(client, first);
      expect(firstView.queue).toMatchObject({ admitted: true, yoursAhead: 0 });
      expect(firstView.queue?.aheadInLine).toEqual(expect.any(Number));

      const thirdView = await getAnalysis(client, third);
      expect(thirdView.queue).toMatchObject({
        admitted: false,
        yoursAhead: 2,
        aheadInLine: null,
      });
      expect(["measured", "no_measurement", "no_worker"]).toContain(thirdView.queue?.basis);

      // "My analyses" shows the same places, from one read for the page.
      const list = await client.json<{ analyses: AnalysisView[] }>("GET", "/api/analyses");
      const listed = new Map(list.body.analyses.map((a) => [a.id, a.queue]));
      expect(listed.get(first)).toMatchObject({ admitted: true, yoursAhead: 0 });
      expect(listed.get(second)).toMatchObject({ admitted: false, yoursAhead: 1 });
      expect(listed.get(third)).toMatchObject({ admitted: false, yoursAhead: 2 });

      const secondBefore = await poll(second);
      expect(secondBefore.body?.analysis.queue).toMatchObject({ admitted: false, yoursAhead: 1 });
      // Unchanged: 304.
      expect((await poll(second, secondBefore.etag)).status).toBe(304);

      // The first goes: the second is admitted and nothing of its user is ahead of it any more.
      const cancelled = await client.request("POST", `/api/analyses/${first}/cancel`);
      expect(cancelled.status).toBe(200);
      const secondAfter = await poll(second, secondBefore.etag);
      expect(secondAfter.status).toBe(200);
      expect(secondAfter.body?.analysis.queue).toMatchObject({ admitted: true, yoursAhead: 0 });
      expect((await getAnalysis(client, third)).queue?.yoursAhead).toBe(1);
      // Only queued analyses carry a place.
      expect((await getAnalysis(client, first)).queue).toBeNull();

      for (const id of [second, third]) {
        await client.request("POST", `/api/analyses/${id}/cancel`);
      }
    });
  });
});
