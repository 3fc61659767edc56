import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { ApiClient } from "@/tests/support/api-client";
import { appRoutes } from "@/tests/support/app-routes";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract, waitForStatus } from "@/tests/support/journey";
import { rotStoredDocument } from "@/tests/support/stored-bytes";

const { baseUrl } = integrationStack();
/** The app's routes (template and file) under `prefix`, e.g. every admin API. */
const routesUnder = (fileName: "page.tsx" | "route.ts", prefix: string) =>
  appRoutes(fileName).filter((r) => r.route.startsWith(prefix));

type Case = {
  method: "GET" | "POST" | "PUT";
  route: string;
  url: string;
  json?: unknown;
  adminStatus: number;
};

describe("admin pages and APIs: anonymous 401 (pages: to sign-in), user 403, admin 200", () => {
  let user: ApiClient;
  let admin: ApiClient;
  let cases: Case[];
  let pages: { route: string; url: string }[];

  beforeAll(async () => {
    ({ client: user } = await ApiClient.signUp(baseUrl));
    const adminEmail = `admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(adminEmail, "admin password 1");
    const { userId } = await createUser({
      email: `target-${randomUUID()}@example.com`,
      password: "target password 1",
    });

    // A succeeded and a failed analysis to act on.
    const ok = await uploadContract(user, 0);
    const done = (await confirm(user, ok.document.id)).body.analysis.id;
    await waitForStatus(user, done, ["succeeded"]);
    const bad = await uploadContract(user, 1);
    await rotStoredDocument(bad.document.id);
    const failed = (await confirm(user, bad.document.id)).body.analysis.id;
    await waitForStatus(user, failed, ["failed"]);

    cases = [
      { method: "GET", route: "/api/admin/analyses", url: "/api/admin/analyses", adminStatus: 200 },
      {
        method: "GET",
        route: "/api/admin/analyses/[id]",
        url: `/api/admin/analyses/${done}`,
        adminStatus: 200,
      },
      // Cancelling a finished analysis is a no-op that answers 200.
      {
        method: "POST",
        route: "/api/admin/analyses/[id]/cancel",
        url: `/api/admin/analyses/${done}/cancel`,
        json: { reason: "authorization test" },
        adminStatus: 200,
      },
      {
        method: "POST",
        route: "/api/admin/analyses/[id]/retry",
        url: `/api/admin/analyses/${failed}/retry`,
        json: { reason: "authorization test" },
        adminStatus: 201,
      },
      { method: "GET", route: "/api/admin/audit", url: "/api/admin/audit", adminStatus: 200 },
      { method: "GET", route: "/api/admin/ledger", url: "/api/admin/ledger", adminStatus: 200 },
      { method: "GET", route: "/api/admin/queue", url: "/api/admin/queue", adminStatus: 200 },
      { method: "GET", route: "/api/admin/users", url: "/api/admin/users", adminStatus: 200 },
      {
        method: "GET",
        route: "/api/admin/users/[id]/credits",
        url: `/api/admin/users/${userId}/credits`,
        adminStatus: 200,
      },
      {
        method: "POST",
        route: "/api/admin/users/[id]/credits",
        url: `/api/admin/users/${userId}/credits`,
        json: { kind: "grant", amount: 1, reason: "authorization test" },
        adminStatus: 201,
      },
      // Setting the default limit again changes nothing and answers 200.
      {
        method: "PUT",
        route: "/api/admin/users/[id]/active-limit",
        url: `/api/admin/users/${userId}/active-limit`,
        json: { limit: null, reason: "authorization test" },
        adminStatus: 200,
      },
      // Enabling an enabled user changes nothing and answers 200.
      {
        method: "POST",
        route: "/api/admin/users/[id]/disable",
        url: `/api/admin/users/${userId}/disable`,
        json: { disabled: false, reason: "authorization test" },
        adminStatus: 200,
      },
    ];
    pages = [
      { route: "/admin", url: "/admin" },
      { route: "/admin/analyses/[id]", url: `/admin/analyses/${done}` },
      { route: "/admin/audit", url: "/admin/audit" },
      { route: "/admin/ledger", url: "/admin/ledger" },
      { route: "/admin/queue", url: "/admin/queue" },
      { route: "/admin/users", url: "/admin/users" },
      { route: "/admin/users/[id]", url: `/admin/users/${userId}` },
    ];
  });

  it("covers every admin API route and page in the app", () => {
    const apiRoutes = routesUnder("route.ts", "/api/admin");
    const methods = (file: string) =>
      [
        ...fs.readFileSync(file, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]);
    const declared = apiRoutes.flatMap((r) => methods(r.file).map((m) => `${m} ${r.route}`)).sort();
    expect(declared).toEqual(cases.map((c) => `${c.method} ${c.route}`).sort());
    const pageRoutes = routesUnder("page.tsx", "/admin")
      .map((r) => r.route)
      .sort();
    expect(pageRoutes).toEqual(pages.map((p) => p.route).sort());
  });

  it("answers every admin API: 401 anonymous, 403 user, success for an admin", async () => {
    for (const c of cases) {
      const body = c.json === undefined ? undefined : { json: c.json };
      const label = `${c.method} ${c.url}`;
      expect((await new ApiClient(baseUrl).request(c.method, c.url, body)).status, label).toBe(401);
      expect((await user.request(c.method, c.url, body)).status, label).toBe(403);
      expect((await admin.request(c.method, c.url, body)).status, label).toBe(c.adminStatus);
    }
  });

  it("serves every admin page: anonymous to sign-in, 403 for a user, 200 for an admin", async () => {
    for (const p of pages) {
      const anonymous = await new ApiClient(baseUrl).request("GET", p.url);
      expect([307, 308], p.url).toContain(anonymous.status);
      expect(anonymous.headers.get("location"), p.url).toContain("/signin?callbackUrl=");
      const forbidden = await user.request("GET", p.url);
      expect(forbidden.status, p.url).toBe(403);
      expect(await forbidden.text(), p.url).toContain("Admins only");
      expect((await admin.request("GET", p.url)).status, p.url).toBe(200);
    }
  });
});
