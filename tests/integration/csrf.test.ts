import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { db } from "@/lib/db/client";
import { analyses, creditEntries, documents, users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import {
  appRoutes,
  fillRoute,
  type MutatingMethod,
  mutatingMethods,
} from "@/tests/support/app-routes";
import { integrationStack } from "@/tests/support/integration-stack";

const { baseUrl } = integrationStack();
const root = path.resolve(import.meta.dirname, "../..");

// A page on another port of the same host: same site, another origin — hostile.
const sibling = `http://127.0.0.1:${Number(new URL(baseUrl).port) + 1}`;
const HOSTILE: { name: string; headers: Record<string, string> }[] = [
  {
    name: "a cross-site page",
    headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
  },
  {
    name: "a same-site page on another port",
    headers: { "sec-fetch-site": "same-site", origin: sibling },
  },
  { name: "an older browser on another port (Origin only)", headers: { origin: sibling } },
];
const SAME_ORIGIN = { "sec-fetch-site": "same-origin", origin: baseUrl };

type Body = { json?: unknown; form?: Record<string, string>; multipart?: FormData };
type Mutation = { method: MutatingMethod; route: string };

/** Every mutating route handler in app/api, read from the code: a new one is covered at once. */
/** Routes a third party calls with a signed request and no cookie: the signature is their
 *  authentication (tests/integration/stripe-purchases.test.ts refuses unsigned and forged ones). */
const SIGNED_NOT_COOKIE = new Set(["/api/webhooks/stripe"]);

const mutations: Mutation[] = appRoutes("route.ts")
  .filter(({ route }) => !SIGNED_NOT_COOKIE.has(route))
  .flatMap(({ route, file }) => mutatingMethods(file).map((method) => ({ method, route })));

const contract = () => {
  const form = new FormData();
  const text = "Services Agreement between Acme Inc. and Beta LLC. Customer shall pay $100.";
  form.append("file", new Blob([text], { type: "text/plain" }), "contract.txt");
  return form;
};

/** Raw fetch with a chosen cookie, so no answer's cookies are kept. */
async function send(
  mutation: Mutation,
  request: { url: string; body: Body },
  cookie: string,
  headers: Record<string, string>,
) {
  const all: Record<string, string> = { cookie, ...headers };
  let payload: BodyInit | undefined;
  if (request.body.json !== undefined) {
    all["content-type"] ??= "application/json";
    payload = JSON.stringify(request.body.json);
  } else if (request.body.form) {
    all["content-type"] ??= "application/x-www-form-urlencoded";
    payload = new URLSearchParams(request.body.form).toString();
  } else if (request.body.multipart) {
    payload = all["content-type"] ? "file=contract.txt" : request.body.multipart;
  }
  return fetch(`${baseUrl}${request.url}`, {
    method: mutation.method,
    headers: all,
    body: payload,
    redirect: "manual",
  });
}

describe("CSRF: cookie-authenticated changes only from the app's own pages", () => {
  let user: ApiClient;
  let userId: string;
  let admin: ApiClient;
  let targetId: string;
  let documentId: string;
  let batchId: string;
  let csrfToken: string;
  const signUpEmail = `csrf-signup-${randomUUID()}@example.com`;

  /** A request that would do real harm if it got through (a random uuid for unknown routes). */
  const harmful = (m: Mutation): { url: string; body: Body } => {
    switch (m.route) {
      case "/api/users":
        return {
          url: "/api/users",
          body: { json: { email: signUpEmail, password: "pw-123456789" } },
        };
      case "/api/auth/[...nextauth]":
        return {
          url: "/api/auth/callback/credentials",
          body: {
            form: { email: "admin@x", password: "x", csrfToken, json: "true" },
          },
        };
      case "/api/documents":
        return { url: "/api/documents", body: { multipart: contract() } };
      case "/api/batches":
        return { url: "/api/batches", body: { multipart: contract() } };
      case "/api/batches/[id]/confirm":
        return { url: fillRoute(m.route, { id: batchId }), body: {} };
      case "/api/analyses":
        return {
          url: "/api/analyses",
          body: { json: { documentId, idempotencyKey: randomUUID() } },
        };
      case "/api/admin/users/[id]/credits":
        return {
          url: fillRoute(m.route, { id: targetId }),
          body: { json: { kind: "grant", amount: 500, reason: "csrf attack" } },
        };
      case "/api/admin/users/[id]/disable":
        return {
          url: fillRoute(m.route, { id: targetId }),
          body: { json: { disabled: true, reason: "csrf attack" } },
        };
      default:
        return { url: fillRoute(m.route), body: { json: { reason: "csrf attack" } } };
    }
  };

  const effects = async () => ({
    targetEntries: await db.$count(creditEntries, eq(creditEntries.userId, targetId)),
    targetDisabled: (await db.select().from(users).where(eq(users.id, targetId)))[0]?.disabledAt,
    userDocuments: await db.$count(documents, eq(documents.userId, userId)),
    // An upload makes a `quoted` analysis; a confirm turns it `queued` and holds credits.
    userConfirmed: await db.$count(
      analyses,
      and(eq(analyses.userId, userId), ne(analyses.status, "quoted")),
    ),
    userEntries: await db.$count(creditEntries, eq(creditEntries.userId, userId)),
    signedUp: await db.$count(users, sql`lower(${users.email}) = ${signUpEmail}`),
  });

  beforeAll(async () => {
    let email: string;
    ({ client: user, email } = await ApiClient.signUp(baseUrl));
    userId = (await db.select().from(users).where(eq(users.email, email)))[0]!.id;
    const adminEmail = `admin-${randomUUID()}@example.com`;
    await createUser({ email: adminEmail, password: "admin password 1", role: "admin" });
    admin = new ApiClient(baseUrl);
    await admin.signIn(adminEmail, "admin password 1");
    ({ userId: targetId } = await createUser({
      email: `target-${randomUUID()}@example.com`,
      password: "target password 1",
    }));
    const upload = await user.upload(new TextEncoder().encode("Agreement. Pay $5."), "a.txt");
    expect(upload.status).toBe(201);
    documentId = ((await upload.json()) as { document: { id: string } }).document.id;
    const batch = await user.request("POST", "/api/batches", { multipart: contract() });
    expect(batch.status).toBe(201);
    batchId = ((await batch.json()) as { batch: { id: string } }).batch.id;
    ({ csrfToken } = (await (await admin.request("GET", "/api/auth/csrf")).json()) as {
      csrfToken: string;
    });
  });

  it("finds the mutating routes in the code (sign-up, sign-in, upload, confirm, admin actions)", () => {
    const found = mutations.map((m) => `${m.method} ${m.route}`);
    for (const expected of [
      "POST /api/users",
      "POST /api/auth/[...nextauth]",
      "POST /api/documents",
      "POST /api/batches",
      "POST /api/batches/[id]/confirm",
      "POST /api/analyses",
      "POST /api/admin/users/[id]/credits",
      "POST /api/admin/users/[id]/disable",
    ]) {
      expect(found).toContain(expected);
    }
  });

  it("refuses every mutating route from another origin with 403 cross_origin, for a user and an admin", async () => {
    const before = await effects();
    for (const [who, client] of [
      ["user", user],
      ["admin", admin],
    ] as const) {
      for (const m of mutations) {
        for (const hostile of HOSTILE) {
          const label = `${who}: ${m.method} ${m.route} from ${hostile.name}`;
          const response = await send(m, harmful(m), client.cookieHeader(), hostile.headers);
          expect(response.status, label).toBe(403);
          const body = (await response.json()) as { error: { code: string; message: string } };
          expect(body.error.code, label).toBe("cross_origin");
          expect(body.error.message, label).toMatch(/another site/);
          expect(response.headers.getSetCookie(), label).toEqual([]);
        }
      }
    }
    // Nothing happened: no grant, no disable, no upload, no confirm, no account.
    expect(await effects()).toEqual(before);
  });

  it("refuses a wrong media type (text/plain: the classic form CSRF) with 415, even same-origin", async () => {
    const before = await effects();
    for (const m of mutations) {
      const label = `${m.method} ${m.route}`;
      const response = await send(m, harmful(m), admin.cookieHeader(), {
        ...SAME_ORIGIN,
        "content-type": "text/plain;charset=UTF-8",
      });
      expect(response.status, label).toBe(415);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code, label).toBe("unsupported_media_type");
    }
    // A form-encoded grant, what a cross-site <form> would send, is refused too.
    const form = await send(
      { method: "POST", route: "/api/admin/users/[id]/credits" },
      {
        url: `/api/admin/users/${targetId}/credits`,
        body: { form: { kind: "grant", amount: "500", reason: "csrf" } },
      },
      admin.cookieHeader(),
      SAME_ORIGIN,
    );
    expect(form.status).toBe(415);
    expect(await effects()).toEqual(before);
  });

  it("still takes the same requests from the app's own pages and from scripts", async () => {
    const upload = await user.request("POST", "/api/documents", {
      multipart: contract(),
      headers: SAME_ORIGIN,
    });
    expect(upload.status).toBe(201);
    const confirm = await user.request("POST", "/api/analyses", {
      // A three-word document: the quote warns it is no contract, so the script acknowledges.
      json: { documentId, idempotencyKey: randomUUID(), acknowledgeWarning: true },
      headers: SAME_ORIGIN,
    });
    expect(confirm.status).toBe(202);
    // An older browser: Origin alone, the app's own.
    const grant = await admin.request("POST", `/api/admin/users/${targetId}/credits`, {
      json: { kind: "grant", amount: 5, reason: "same-origin grant" },
      headers: { origin: baseUrl },
    });
    expect(grant.status).toBe(201);
    expect(
      await db.$count(
        creditEntries,
        and(eq(creditEntries.userId, targetId), eq(creditEntries.reason, "same-origin grant")),
      ),
    ).toBe(1);
    const signUp = await new ApiClient(baseUrl).request("POST", "/api/users", {
      json: { email: `same-${randomUUID()}@example.com`, password: "pw-123456789" },
      headers: SAME_ORIGIN,
    });
    expect(signUp.status).toBe(201);
    // Sign-in through the browser's path (same-origin form post) still sets the session.
    const fresh = new ApiClient(baseUrl);
    const { csrfToken: token } = (await (await fresh.request("GET", "/api/auth/csrf")).json()) as {
      csrfToken: string;
    };
    await fresh.request("POST", "/api/auth/callback/credentials", {
      form: { email: "nobody@example.com", password: "wrong", csrfToken: token, json: "true" },
      headers: SAME_ORIGIN,
    });
    // A wrong password is next-auth's own answer (401/redirect), not our 403/415.
    expect(fresh.cookieHeader()).toContain("next-auth.csrf-token");
    // A user cancel has no body: no Content-Type is fine.
    const id = ((await confirm.json()) as { analysis: { id: string } }).analysis.id;
    const cancel = await user.request("POST", `/api/analyses/${id}/cancel`, {
      headers: SAME_ORIGIN,
    });
    expect(cancel.status).toBe(200);
  });

  it("server actions: Next refuses another origin's action call and runs nothing", async () => {
    // The action's id, from the build (what the upload page's script would send).
    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { filename?: string; exportedName?: string }> };
    const actionId = Object.entries(manifest.node).find(
      ([, a]) => a.exportedName === "confirmAnalysisAction",
    )?.[0];
    expect(actionId).toBeTruthy();
    const upload = await user.upload(new TextEncoder().encode("Agreement. Pay $7."), "b.txt");
    const doc = ((await upload.json()) as { document: { id: string } }).document.id;
    const callAction = (headers: Record<string, string>) =>
      fetch(`${baseUrl}/upload`, {
        method: "POST",
        headers: {
          cookie: user.cookieHeader(),
          "next-action": actionId!,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          ...headers,
        },
        // A three-word document: the quote warned it is no contract, so the call acknowledges.
        body: JSON.stringify([
          { documentId: doc, idempotencyKey: randomUUID(), acknowledgeWarning: true },
        ]),
      });
    const analysesOf = () =>
      db.$count(analyses, and(eq(analyses.documentId, doc), ne(analyses.status, "quoted")));

    for (const hostile of HOSTILE) {
      const response = await callAction(hostile.headers);
      expect(response.status, hostile.name).toBe(500);
      expect(await analysesOf(), hostile.name).toBe(0);
    }
    // The same call from the app's own origin runs: the refusal above was the origin's doing.
    const ok = await callAction(SAME_ORIGIN);
    expect(ok.status).toBe(200);
    expect(await analysesOf()).toBe(1);
  });
});
