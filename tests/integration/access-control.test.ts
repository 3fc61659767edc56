import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";

const { baseUrl } = integrationStack();

describe("everyone sees only their own data", () => {
  let alice: ApiClient;
  let bob: ApiClient;
  let admin: ApiClient;
  let aliceDocumentId: string;
  let aliceAnalysisId: string;

  beforeAll(async () => {
    ({ client: alice } = await ApiClient.signUp(baseUrl));
    ({ client: bob } = await ApiClient.signUp(baseUrl));
    const adminEmail = `admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(adminEmail, "admin password 1");

    const upload = await uploadContract(alice);
    aliceDocumentId = upload.document.id;
    const { body } = await confirm(alice, aliceDocumentId);
    aliceAnalysisId = body.analysis.id;
    await waitForStatus(alice, aliceAnalysisId, ["succeeded", "failed"]);
  });

  it("gives another user 404 for the analysis, its memo, its cancel and the document", async () => {
    expect((await bob.request("GET", `/api/analyses/${aliceAnalysisId}`)).status).toBe(404);
    expect((await bob.request("GET", `/api/analyses/${aliceAnalysisId}/memo`)).status).toBe(404);
    expect((await bob.request("POST", `/api/analyses/${aliceAnalysisId}/cancel`)).status).toBe(404);
    expect((await confirm(bob, aliceDocumentId)).status).toBe(404);
    const list = await bob.json<{ analyses: { id: string }[] }>("GET", "/api/analyses");
    expect(list.body.analyses.map((a) => a.id)).not.toContain(aliceAnalysisId);
    // The owner still sees it.
    expect((await alice.request("GET", `/api/analyses/${aliceAnalysisId}`)).status).toBe(200);
  });

  it("answers 401 to anonymous callers of user APIs", async () => {
    const anonymous = new ApiClient(baseUrl);
    for (const [method, path] of [
      ["GET", "/api/analyses"],
      ["GET", `/api/analyses/${aliceAnalysisId}`],
      ["POST", `/api/analyses/${aliceAnalysisId}/cancel`],
      ["GET", "/api/me/credits"],
      ["POST", "/api/documents"],
      ["GET", "/api/batches"],
      ["POST", "/api/batches"],
      ["GET", `/api/batches/${randomUUID()}`],
      ["POST", `/api/batches/${randomUUID()}/confirm`],
      ["GET", `/api/batches/${randomUUID()}/memos.zip`],
    ] as const) {
      expect((await anonymous.request(method, path)).status, `${method} ${path}`).toBe(401);
    }
  });

  it("answers 401 to a session cookie it did not issue", async () => {
    // API routes decode the session token themselves (not through getServerSession).
    const stolen = alice.cookieHeader();
    const forged = stolen.replace(/next-auth\.session-token=([^;]*)/, (_, token: string) => {
      const last = token.at(-2) === "A" ? "B" : "A";
      return `next-auth.session-token=${token.slice(0, -2)}${last}${token.at(-1)}`;
    });
    expect(forged).not.toBe(stolen);
    for (const cookie of [forged, "next-auth.session-token=not-a-token"]) {
      const response = await fetch(`${baseUrl}/api/analyses/${aliceAnalysisId}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(401);
    }
  });

  it("keeps the admin job history for admins: 401 anonymous, 403 user, 200 admin", async () => {
    expect((await new ApiClient(baseUrl).request("GET", "/api/admin/analyses")).status).toBe(401);
    expect((await bob.request("GET", "/api/admin/analyses")).status).toBe(403);
    const page = await admin.json<{ items: { id: string; userEmail: string }[]; total: number }>(
      "GET",
      "/api/admin/analyses?status=succeeded&page=0&pageSize=100",
    );
    expect(page.status).toBe(200);
    expect(page.body.items.map((i) => i.id)).toContain(aliceAnalysisId);
    expect(page.body.total).toBeGreaterThanOrEqual(1);
  });

  it("reports health with a live worker", async () => {
    const health = await new ApiClient(baseUrl).json<{ ok: boolean; workers: { alive: number } }>(
      "GET",
      "/api/health",
    );
    expect(health.status).toBe(200);
    expect(health.body.ok).toBe(true);
    expect(health.body.workers.alive).toBeGreaterThanOrEqual(1);
  });
});
