import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { createUser } from "@/lib/auth/create-user";
import { setUserRole } from "@/lib/auth/set-user-role";
import { db } from "@/lib/db/client";
import { userSessions, users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";

const stack = integrationStack();
const { baseUrl } = stack;

async function newAccount(role: "user" | "admin") {
  const email = `${role}-${randomUUID()}@example.com`;
  const password = `${role} password ${randomUUID().slice(0, 8)}`;
  const { userId } = await createUser({ email, password, role });
  const client = new ApiClient(baseUrl);
  await client.signIn(email, password);
  return { userId, email, password, client };
}

/** Replays a saved cookie header, as a copy of the cookie kept elsewhere would. */
function withCookie(cookie: string, path: string, init: RequestInit = {}) {
  return fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { ...init.headers, cookie },
    redirect: "manual",
  });
}

async function signOut(client: ApiClient) {
  const csrf = await client.json<{ csrfToken: string }>("GET", "/api/auth/csrf");
  const response = await client.request("POST", "/api/auth/signout", {
    form: { csrfToken: csrf.body.csrfToken, json: "true" },
  });
  expect(response.status).toBeLessThan(400);
}

describe("sessions end on the very next request", () => {
  let boss: Awaited<ReturnType<typeof newAccount>>;
  beforeAll(async () => {
    boss = await newAccount("admin");
  });

  it("refuses a disabled admin's existing session: API, admin actions and pages", async () => {
    const victim = await newAccount("admin");
    const cookie = victim.client.cookieHeader();
    expect((await withCookie(cookie, "/api/admin/users")).status).toBe(200);
    expect((await withCookie(cookie, "/admin/users")).status).toBe(200);

    const disabled = await boss.client.json<{ changed: boolean }>(
      "POST",
      `/api/admin/users/${victim.userId}/disable`,
      { json: { disabled: true, reason: "session test" } },
    );
    expect(disabled).toEqual({ status: 200, body: { changed: true } });

    // The very next request of each kind, with the cookie the admin still holds: APIs say the
    // account is disabled (403), pages send to sign-in.
    const next = await withCookie(cookie, "/api/admin/users");
    expect(next.status).toBe(403);
    expect(((await next.json()) as { error: { code: string } }).error.code).toBe(
      "account_disabled",
    );
    expect((await withCookie(cookie, "/api/analyses")).status).toBe(403);
    const grant = await withCookie(cookie, `/api/admin/users/${victim.userId}/credits`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "grant", amount: 500, reason: "to myself" }),
    });
    expect(grant.status).toBe(403);
    const reenable = await withCookie(cookie, `/api/admin/users/${victim.userId}/disable`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ disabled: false, reason: "let me back in" }),
    });
    expect(reenable.status).toBe(403);
    const page = await withCookie(cookie, "/admin/users");
    expect([307, 308]).toContain(page.status);
    expect(page.headers.get("location")).toContain("/signin");

    const [account] = await db
      .select({ disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.id, victim.userId));
    expect(account?.disabledAt).not.toBeNull(); // it did not re-enable itself
    const live = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from user_sessions where user_id = ${victim.userId} and revoked_at is null`,
    );
    expect(live[0]?.n).toBe(0);
    // And it cannot sign in again.
    await expect(new ApiClient(baseUrl).signIn(victim.email, victim.password)).rejects.toThrow();
  });

  it("applies a role change on the next request: the role is read live, sessions end", async () => {
    // The live role alone (no session ended): a demotion written straight to the account.
    const demoted = await newAccount("admin");
    expect((await demoted.client.request("GET", "/api/admin/queue")).status).toBe(200);
    await db.update(users).set({ role: "user" }).where(eq(users.id, demoted.userId));
    expect((await demoted.client.request("GET", "/api/admin/queue")).status).toBe(403);
    const page = await demoted.client.request("GET", "/admin");
    expect(page.status).toBe(403);
    expect((await demoted.client.request("GET", "/api/analyses")).status).toBe(200);

    // Through the domain function: every session of the account ends, audited.
    const admin = await newAccount("admin");
    const cookie = admin.client.cookieHeader();
    expect(
      await setUserRole({
        actorId: boss.userId,
        userId: admin.userId,
        role: "user",
        reason: "no longer on the ops team",
      }),
    ).toEqual({ changed: true });
    expect((await withCookie(cookie, "/api/admin/queue")).status).toBe(401);
    expect((await withCookie(cookie, "/api/analyses")).status).toBe(401);
    const again = new ApiClient(baseUrl);
    await again.signIn(admin.email, admin.password);
    expect((await again.request("GET", "/api/admin/queue")).status).toBe(403);
    const audit = await boss.client.json<{
      items: { kind: string; reason: string }[];
    }>("GET", "/api/admin/audit");
    expect(audit.body.items.map((i) => [i.kind, i.reason])).toContainEqual([
      "change_user_role",
      "no longer on the ops team",
    ]);

    // A promotion: the user signs in again and is an admin.
    const user = await newAccount("user");
    expect((await user.client.request("GET", "/api/admin/queue")).status).toBe(403);
    await setUserRole({ actorId: boss.userId, userId: user.userId, role: "admin", reason: "ops" });
    expect((await user.client.request("GET", "/api/admin/queue")).status).toBe(401);
    await user.client.signIn(user.email, user.password);
    expect((await user.client.request("GET", "/api/admin/queue")).status).toBe(200);
  });

  it("kills the old cookie at sign-out: replaying it is refused", async () => {
    const { client } = await newAccount("user");
    const saved = client.cookieHeader();
    expect((await withCookie(saved, "/api/analyses")).status).toBe(200);
    const before = (await (await withCookie(saved, "/api/auth/session")).json()) as {
      user?: { email: string };
    };
    expect(before.user?.email).toContain("@example.com");
    await signOut(client);
    // next-auth's own session endpoint (the client's SessionProvider) sees it ended too.
    expect(await (await withCookie(saved, "/api/auth/session")).json()).toEqual({});
    expect((await withCookie(saved, "/api/analyses")).status).toBe(401);
    expect((await withCookie(saved, "/api/me/credits")).status).toBe(401);
    const page = await withCookie(saved, "/analyses");
    expect([307, 308]).toContain(page.status);
    expect(page.headers.get("location")).toContain("/signin");
  });

  it("ends every session of the account when its password changes", async () => {
    const account = await newAccount("user");
    const other = new ApiClient(baseUrl);
    await other.signIn(account.email, account.password);
    await expect(
      changePassword({
        userId: account.userId,
        currentPassword: "not the password",
        newPassword: "a brand new password",
      }),
    ).rejects.toMatchObject({ code: "validation" });
    expect((await other.request("GET", "/api/analyses")).status).toBe(200);

    const { sessionsEnded } = await changePassword({
      userId: account.userId,
      currentPassword: account.password,
      newPassword: "a brand new password",
    });
    expect(sessionsEnded).toBe(2);
    expect((await account.client.request("GET", "/api/analyses")).status).toBe(401);
    expect((await other.request("GET", "/api/analyses")).status).toBe(401);
    await expect(new ApiClient(baseUrl).signIn(account.email, account.password)).rejects.toThrow();
    const fresh = new ApiClient(baseUrl);
    await fresh.signIn(account.email, "a brand new password");
    expect((await fresh.request("GET", "/api/analyses")).status).toBe(200);
  });

  it("refuses a token issued before sessions were recorded (no sid)", async () => {
    const account = await newAccount("admin");
    const [session] = await db
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(eq(userSessions.userId, account.userId));
    const claims = { name: null, email: account.email, sub: account.userId, uid: account.userId };
    const old = await encode({ token: { ...claims, role: "admin" }, secret: stack.sessionSecret });
    const current = await encode({
      token: { ...claims, role: "user", sid: session?.id },
      secret: stack.sessionSecret,
    });
    expect((await withCookie(`next-auth.session-token=${old}`, "/api/analyses")).status).toBe(401);
    // The same secret with the session id works — and the role in the token is not trusted.
    const minted = `next-auth.session-token=${current}`;
    expect((await withCookie(minted, "/api/analyses")).status).toBe(200);
    expect((await withCookie(minted, "/api/admin/queue")).status).toBe(200);
  });
});
