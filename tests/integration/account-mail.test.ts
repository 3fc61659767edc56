import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signupGrantKey } from "@/lib/auth/mark-email-verified";
import { db } from "@/lib/db/client";
import { authTokens, creditEntries, mailOutbox, users } from "@/lib/db/schema";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { linkIn, mailsTo, waitForMail } from "@/tests/support/mailbox";
import { waitFor } from "@/tests/support/wait-for";

const { baseUrl } = integrationStack();

const available = async (client: ApiClient) => {
  const { status, body } = await client.json<{ balance: { available: number } }>(
    "GET",
    "/api/me/credits",
  );
  expect(status).toBe(200);
  return body.balance.available;
};

const tokenOf = (url: URL) => url.searchParams.get("token") ?? "";
const post = (path: string, json: unknown, client = new ApiClient(baseUrl)) =>
  client.json<{ error?: { code: string; message: string }; [key: string]: unknown }>("POST", path, {
    json,
  });
const userIdOf = async (email: string) =>
  (await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`))[0]!
    .id;

describe("e-mail verification", () => {
  it("grants the starting credits on verification, exactly once; a GET of the link uses nothing", async () => {
    const { client, email } = await ApiClient.signUp(baseUrl, { verify: false });
    expect(await available(client)).toBe(0);

    const mail = await waitForMail(email, { subject: /verify your e-mail/i });
    const link = linkIn(mail, "/verify-email");
    expect(link.origin).toBe(new URL(baseUrl).origin);
    expect(mail.html).toContain(link.search.replaceAll("&", "&#38;"));

    // A mail scanner prefetching the link: the page renders, nothing is used.
    const prefetch = await fetch(link);
    expect(prefetch.status).toBe(200);
    expect(await available(client)).toBe(0);

    const first = await post("/api/auth/verify-email", { token: tokenOf(link) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ email, granted: 100, alreadyVerified: false });
    expect(await available(client)).toBe(100);

    const replay = await post("/api/auth/verify-email", { token: tokenOf(link) });
    expect(replay.status).toBe(422);
    expect(replay.body.error?.message).toMatch(/invalid or has expired/);
    expect(await available(client)).toBe(100);

    const userId = await userIdOf(email);
    const grants = await db
      .select({ amount: creditEntries.amount, key: creditEntries.idempotencyKey })
      .from(creditEntries)
      .where(and(eq(creditEntries.userId, userId), eq(creditEntries.kind, "grant")));
    expect(grants).toEqual([{ amount: 100, key: signupGrantKey(userId) }]);
    // Only the hash is stored.
    const [stored] = await db
      .select({ hash: authTokens.tokenHash })
      .from(authTokens)
      .where(eq(authTokens.userId, userId));
    expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.hash).not.toContain(tokenOf(link));
  });

  it("refuses garbage, unknown and expired tokens; Resend makes the earlier link stop working", async () => {
    for (const token of ["", "abc", "x".repeat(43), "' or 1=1 --"]) {
      const answer = await post("/api/auth/verify-email", { token });
      expect(answer.status, `token ${JSON.stringify(token)}`).toBe(422);
    }

    const { client, email } = await ApiClient.signUp(baseUrl, { verify: false });
    const firstLink = linkIn(await waitForMail(email, { subject: /verify/i }), "/verify-email");

    const resent = await client.request("POST", "/api/auth/verify-email/resend");
    expect(resent.status).toBe(202);
    const { last } = await waitFor(
      async () => mailsTo(email),
      (mails) => mails.length === 2,
      { what: "the second verification mail" },
    );
    const secondLink = linkIn(last[1]!, "/verify-email");
    expect(tokenOf(secondLink)).not.toBe(tokenOf(firstLink));
    expect((await post("/api/auth/verify-email", { token: tokenOf(firstLink) })).status).toBe(422);

    // The live link, expired in the database: refused too, and no credits.
    await db
      .update(authTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(authTokens.userId, await userIdOf(email)));
    expect((await post("/api/auth/verify-email", { token: tokenOf(secondLink) })).status).toBe(422);
    expect(await available(client)).toBe(0);
  });

  it("an anonymous resend is refused; a verified user's resend is a conflict", async () => {
    const anonymous = await new ApiClient(baseUrl).request("POST", "/api/auth/verify-email/resend");
    expect(anonymous.status).toBe(401);
    const { client } = await ApiClient.signUp(baseUrl);
    const again = await client.json<{ error: { code: string } }>(
      "POST",
      "/api/auth/verify-email/resend",
    );
    expect(again.status).toBe(409);
  });
});

describe("password reset", () => {
  it("answers 202 with the same body for unknown, known and disabled e-mails; mails only the active account", async () => {
    const { email } = await ApiClient.signUp(baseUrl);
    const disabled = await ApiClient.signUp(baseUrl);
    await db
      .update(users)
      .set({ disabledAt: sql`now()` })
      .where(eq(users.id, await userIdOf(disabled.email)));
    const unknown = `nobody-${randomUUID()}@example.com`;

    const answers = await Promise.all(
      [email, unknown, disabled.email].map((e) => post("/api/auth/password-reset", { email: e })),
    );
    for (const answer of answers) expect(answer.status).toBe(202);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);

    await waitForMail(email, { subject: /reset your clauseflow password/i });
    const queuedFor = async (to: string) =>
      db.$count(
        mailOutbox,
        and(eq(mailOutbox.toAddress, to), eq(mailOutbox.kind, "reset_password")),
      );
    expect(await queuedFor(email)).toBe(1);
    expect(await queuedFor(unknown)).toBe(0);
    expect(await queuedFor(disabled.email)).toBe(0);
  });

  it("sets the new password once, ends every session, and verifies the e-mail with its grant", async () => {
    const { client, email, password } = await ApiClient.signUp(baseUrl, { verify: false });
    const otherDevice = new ApiClient(baseUrl);
    await otherDevice.signIn(email, password);
    expect(await available(otherDevice)).toBe(0);

    expect((await post("/api/auth/password-reset", { email })).status).toBe(202);
    const link = linkIn(await waitForMail(email, { subject: /reset/i }), "/reset-password");

    const tooShort = await post("/api/auth/password-reset/confirm", {
      token: tokenOf(link),
      password: "short",
    });
    expect(tooShort.status).toBe(422);

    const newPassword = "a brand new password";
    const done = await post("/api/auth/password-reset/confirm", {
      token: tokenOf(link),
      password: newPassword,
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ email });

    for (const session of [client, otherDevice]) {
      expect((await session.request("GET", "/api/me/credits")).status).toBe(401);
    }
    const replay = await post("/api/auth/password-reset/confirm", {
      token: tokenOf(link),
      password: "yet another password",
    });
    expect(replay.status).toBe(422);

    await expect(new ApiClient(baseUrl).signIn(email, password)).rejects.toThrow(/sign-in failed/);
    const fresh = new ApiClient(baseUrl);
    await fresh.signIn(email, newPassword);
    // The link proved the mailbox: verified, with the starting grant (once).
    expect(await available(fresh)).toBe(100);
    const [row] = await db
      .select({ verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, await userIdOf(email)));
    expect(row!.verifiedAt).not.toBeNull();
    const ended = await db.execute<{ reason: string }>(
      sql`select distinct revoked_reason as reason from user_sessions
          where user_id = ${await userIdOf(email)} and revoked_at is not null`,
    );
    expect(ended.map((r) => r.reason)).toEqual(["password_reset"]);
  });
});

describe("a password reset cuts off whoever had the account", () => {
  it("voids a pending e-mail change (made with a stolen session and password)", async () => {
    const { client, email, password } = await ApiClient.signUp(baseUrl);
    const attackers = `attacker-${randomUUID()}@example.com`;
    const asked = await client.request("POST", "/api/me/email", {
      json: { email: attackers, password },
    });
    expect(asked.status).toBe(202);
    const takeover = linkIn(
      await waitForMail(attackers, { subject: /confirm your new/i }),
      "/confirm-email",
    );

    // The owner notices and resets the password.
    expect((await post("/api/auth/password-reset", { email })).status).toBe(202);
    const reset = linkIn(await waitForMail(email, { subject: /reset/i }), "/reset-password");
    const done = await post("/api/auth/password-reset/confirm", {
      token: tokenOf(reset),
      password: "the owner's new password",
    });
    expect(done.status).toBe(200);

    const late = await post("/api/auth/email-change/confirm", { token: tokenOf(takeover) });
    expect(late.status).toBe(422);
    const [row] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, await userIdOf(email)));
    expect(row!.email).toBe(email);
  });

  it("refuses a forged reset token before any work, like a used one", async () => {
    const forged = await post("/api/auth/password-reset/confirm", {
      token: "A".repeat(43),
      password: "whatever password",
    });
    expect(forged.status).toBe(422);
  });
});

describe("account page endpoints", () => {
  it("changes the e-mail only when the link mailed to the new address is followed", async () => {
    const { client, email, password } = await ApiClient.signUp(baseUrl);
    const newEmail = `moved-${randomUUID()}@example.com`;

    const wrong = await client.json<{ error: { details: { fieldErrors: object } } }>(
      "POST",
      "/api/me/email",
      { json: { email: newEmail, password: "not my password" } },
    );
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details.fieldErrors).toHaveProperty("password");

    const asked = await client.request("POST", "/api/me/email", {
      json: { email: newEmail, password },
    });
    expect(asked.status).toBe(202);
    const notice = await waitForMail(email, { subject: /being changed/i });
    expect(notice.text).toContain(newEmail);
    const link = linkIn(
      await waitForMail(newEmail, { subject: /confirm your new/i }),
      "/confirm-email",
    );
    // Nothing changed yet: the old e-mail still signs in.
    await new ApiClient(baseUrl).signIn(email, password);

    const confirmed = await post("/api/auth/email-change/confirm", { token: tokenOf(link) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ email: newEmail });
    await new ApiClient(baseUrl).signIn(newEmail, password);
    await expect(new ApiClient(baseUrl).signIn(email, password)).rejects.toThrow(/sign-in failed/);
    expect((await post("/api/auth/email-change/confirm", { token: tokenOf(link) })).status).toBe(
      422,
    );
  });

  it("refuses at confirm time an address another account took meanwhile", async () => {
    const { client, email, password } = await ApiClient.signUp(baseUrl);
    const wanted = `wanted-${randomUUID()}@example.com`;
    expect(
      (await client.request("POST", "/api/me/email", { json: { email: wanted, password } })).status,
    ).toBe(202);
    const link = linkIn(
      await waitForMail(wanted, { subject: /confirm your new/i }),
      "/confirm-email",
    );
    await ApiClient.signUp(baseUrl, { email: wanted });

    const refused = await post("/api/auth/email-change/confirm", { token: tokenOf(link) });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/Another account already uses this e-mail/);
    const [row] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, await userIdOf(email)));
    expect(row!.email).toBe(email);
  });

  it("saves the name and the analysis-mail preference; refuses an unknown preference", async () => {
    const { client, email } = await ApiClient.signUp(baseUrl);
    const saved = await client.json<{ name: string | null; analysisMail: string }>(
      "PATCH",
      "/api/me",
      { json: { name: "Ada Lovelace", analysisMail: "always" } },
    );
    expect(saved).toEqual({ status: 200, body: { name: "Ada Lovelace", analysisMail: "always" } });
    const bad = await client.request("PATCH", "/api/me", { json: { analysisMail: "sometimes" } });
    expect(bad.status).toBe(422);
    const [row] = await db
      .select({ name: users.name, analysisMail: users.analysisMail })
      .from(users)
      .where(eq(users.id, await userIdOf(email)));
    expect(row).toEqual({ name: "Ada Lovelace", analysisMail: "always" });
    expect(
      (await new ApiClient(baseUrl).request("PATCH", "/api/me", { json: { name: "x" } })).status,
    ).toBe(401);
  });

  it("a password change ends the other sessions and keeps this one", async () => {
    const { client, email, password } = await ApiClient.signUp(baseUrl);
    const other = new ApiClient(baseUrl);
    await other.signIn(email, password);

    const wrong = await client.request("POST", "/api/me/password", {
      json: { currentPassword: "nope nope", newPassword: "another password" },
    });
    expect(wrong.status).toBe(422);

    const changed = await client.json<{ sessionsEnded: number }>("POST", "/api/me/password", {
      json: { currentPassword: password, newPassword: "another password" },
    });
    expect(changed).toEqual({ status: 200, body: { sessionsEnded: 2 } });
    expect((await client.request("GET", "/api/me/credits")).status).toBe(200);
    expect((await other.request("GET", "/api/me/credits")).status).toBe(401);
    await new ApiClient(baseUrl).signIn(email, "another password");
  });
});
