import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/create-user";
import { adjustCredits } from "@/lib/billing/adjust-credits";
import { checkLedger, formatLedgerSummary } from "@/lib/billing/check-ledger";
import { db } from "@/lib/db/client";
import { creditEntries, creditPurchases, stripeEvents, users } from "@/lib/db/schema";
import { listFlaggedPurchases } from "@/lib/purchases/list-flagged-purchases";
import { ApiClient } from "@/tests/support/api-client";
import { projectRoot, spawnLogged, waitForHttp } from "@/tests/support/child-processes";
import {
  FAKE_STRIPE_SECRET_KEY,
  FAKE_STRIPE_WEBHOOK_SECRET,
  type FakeSession,
  type FakeStripe,
  paidSession,
  postSigned,
  refundedCharge,
  signEvent,
  startFakeStripe,
  stripeEvent,
} from "@/tests/support/fake-stripe";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, uploadContract } from "@/tests/support/journey";
import { balanceOf } from "@/tests/support/ledger";

const stack = integrationStack();
const PACKS = "starter:100:1000:usd,team:500:4000:usd";

let fake: FakeStripe;
let server: ChildProcess;
let appUrl: string;
let webhookUrl: string;
/** Every webhook delivery this file makes, for the report. */
const sent = { events: 0, refused: 0 };

beforeAll(async () => {
  fake = await startFakeStripe({});
  // The shared stack has no Stripe keys; this server on the same database and Redis has.
  const port = Number(new URL(stack.baseUrl).port) + 5;
  appUrl = `http://127.0.0.1:${port}`;
  webhookUrl = `${appUrl}/api/webhooks/stripe`;
  fake.state.webhookUrl = webhookUrl;
  server = spawnLogged(
    path.join(projectRoot, "node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      QUEUE_PREFIX: stack.queuePrefix,
      NEXTAUTH_SECRET: stack.sessionSecret,
      NEXTAUTH_URL: appUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      // Required for a production start; these tests send no mail.
      SMTP_URL: "smtp://127.0.0.1:9",
      MAIL_FROM: "Clauseflow tests <no-reply@clauseflow.test>",
      RATE_LIMIT_SIGNIN_IP: "1000000/1m",
      STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: fake.url,
      CREDIT_PACKS: PACKS,
      CREDITS_CONTACT: "billing@clauseflow.test",
    },
    path.join(projectRoot, "test-results", `stripe-web-${port}.log`),
  );
  await waitForHttp(`${appUrl}/api/health`, 60_000);
}, 90_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  await fake?.close();
  console.log(
    `stripe webhook tests: ${sent.events} signed deliveries (${sent.refused} refused with 400)`,
  );
});

type Buyer = { id: string; client: ApiClient };

/** A user with no credits, signed in on the Stripe-enabled server. */
async function newBuyer(): Promise<Buyer> {
  const email = `buyer-${randomUUID()}@example.com`;
  const password = "buyer password 1";
  const { userId: id } = await createUser({ email, password, grantCredits: 0 });
  const client = new ApiClient(appUrl);
  await client.signIn(email, password);
  return { id, client };
}

async function deliver(
  event: object,
  options: Parameters<typeof signEvent>[1] = {},
): Promise<{ status: number; result?: string }> {
  sent.events++;
  const response = await postSigned(webhookUrl, signEvent(event, options));
  if (response.status === 400) sent.refused++;
  const body = (await response.json()) as { result?: string };
  return { status: response.status, result: body.result };
}

/** `POST /api/credits/checkout` → the session the fake Stripe made for it. */
async function startCheckout(buyer: Buyer, pack = "starter"): Promise<FakeSession> {
  const { status, body } = await buyer.client.json<{ url: string }>(
    "POST",
    "/api/credits/checkout",
    { json: { pack } },
  );
  expect(status).toBe(200);
  const id = new URL(body.url).pathname.split("/").pop()!;
  const session = fake.state.sessions.get(id);
  if (!session) throw new Error(`the fake Stripe has no session ${id}`);
  return session;
}

async function purchaseOf(sessionId: string) {
  const [row] = await db
    .select()
    .from(creditPurchases)
    .where(eq(creditPurchases.checkoutSessionId, sessionId));
  return row!;
}

async function available(userId: string): Promise<number> {
  return (await balanceOf(userId)).available;
}

/** A checkout paid and credited: the session as paid (with its payment intent). */
async function buy(buyer: Buyer, pack = "starter"): Promise<FakeSession> {
  const paid = paidSession(await startCheckout(buyer, pack));
  const answer = await deliver(stripeEvent("checkout.session.completed", paid));
  expect(answer).toEqual({ status: 200, result: "credited" });
  return paid;
}

describe("buying credits with Stripe", () => {
  it("answers 404 while Stripe is not configured, and says whom to ask", async () => {
    const { client } = await ApiClient.signUp(stack.baseUrl);
    const checkout = await client.request("POST", "/api/credits/checkout", {
      json: { pack: "starter" },
    });
    expect(checkout.status).toBe(404);
    const hook = await postSigned(
      `${stack.baseUrl}/api/webhooks/stripe`,
      signEvent(stripeEvent("checkout.session.completed", {})),
    );
    expect(hook.status).toBe(404);
    const me = await client.json<{ purchases: { enabled: boolean; packs: unknown[] } }>(
      "GET",
      "/api/me/credits",
    );
    expect(me.body.purchases).toEqual({ enabled: false, packs: [], contact: "your administrator" });
  });

  it("creates a Checkout Session through the SDK with our pack's price and the purchase's ids", async () => {
    const buyer = await newBuyer();
    const me = await buyer.client.json<{ purchases: { enabled: boolean; packs: unknown[] } }>(
      "GET",
      "/api/me/credits",
    );
    expect(me.body.purchases.enabled).toBe(true);
    expect(me.body.purchases.packs).toEqual([
      { id: "starter", credits: 100, amount: 1000, currency: "usd" },
      { id: "team", credits: 500, amount: 4000, currency: "usd" },
    ]);

    const before = fake.state.requests.length;
    const session = await startCheckout(buyer, "team");
    const request = fake.state.requests[before]!;
    const purchase = await purchaseOf(session.id);
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/checkout/sessions");
    expect(request.authorization).toBe(`Bearer ${FAKE_STRIPE_SECRET_KEY}`);
    expect(request.idempotencyKey).toBe(`checkout:${purchase.id}`);
    expect(request.form).toMatchObject({
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "4000",
      "line_items[0][price_data][product_data][name]": "500 Clauseflow credits",
      client_reference_id: purchase.id,
      "metadata[purchase_id]": purchase.id,
      "metadata[user_id]": buyer.id,
      success_url: `${appUrl}/credits?purchase=success`,
      cancel_url: `${appUrl}/credits?purchase=cancelled`,
    });
    expect(request.form.customer_email).toMatch(/^buyer-.*@example\.com$/);
    expect(purchase).toMatchObject({
      userId: buyer.id,
      pack: "team",
      credits: 500,
      amount: 4000,
      currency: "usd",
      status: "open",
      paymentIntentId: null,
    });
    // Nothing is credited by creating a session: only the webhook credits.
    expect(await available(buyer.id)).toBe(0);
  });

  it("refuses an unknown pack (422), a cross-site request (403) and anonymous callers (401)", async () => {
    const buyer = await newBuyer();
    const unknown = await buyer.client.json<{ error: { code: string } }>(
      "POST",
      "/api/credits/checkout",
      { json: { pack: "gold" } },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe("validation");
    const crossSite = await buyer.client.request("POST", "/api/credits/checkout", {
      json: { pack: "starter" },
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const anonymous = await new ApiClient(appUrl).request("POST", "/api/credits/checkout", {
      json: { pack: "starter" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("ends a 402 'not enough credits' with where to buy them", async () => {
    const buyer = await newBuyer();
    const upload = await uploadContract(buyer.client);
    const refused = await confirm(buyer.client, upload.document.id, randomUUID());
    expect(refused.status).toBe(402);
    expect(refused.body.error?.message).toMatch(
      /Nothing was charged\. Buy credits at \/credits\.$/,
    );
    expect(refused.body.error?.details).toMatchObject({ buyCreditsUrl: "/credits" });
  });

  it("credits a paid checkout once: a purchase entry, the balance and the row in one go", async () => {
    const buyer = await newBuyer();
    const paid = await buy(buyer);
    const purchase = await purchaseOf(paid.id);
    expect(purchase.status).toBe("paid");
    expect(purchase.paymentIntentId).toBe(paid.payment_intent);
    const balance = await balanceOf(buyer.id);
    expect(balance).toMatchObject({ available: 100, granted: 100, held: 0, spent: 0 });
    const entries = await db
      .select({
        kind: creditEntries.kind,
        amount: creditEntries.amount,
        key: creditEntries.idempotencyKey,
      })
      .from(creditEntries)
      .where(eq(creditEntries.purchaseId, purchase.id));
    expect(entries).toEqual([{ kind: "purchase", amount: 100, key: `purchase:${purchase.id}` }]);
  });

  it("refuses tampered, foreign, stale and unsigned deliveries with 400 and changes nothing", async () => {
    const buyer = await newBuyer();
    const paid = paidSession(await startCheckout(buyer));
    const event = stripeEvent("checkout.session.completed", paid);

    const signed = signEvent(event);
    const tampered = signed.payload.replace('"amount_total":1000', '"amount_total":1');
    expect(tampered).not.toBe(signed.payload);
    sent.events++;
    const tamperedAnswer = await postSigned(webhookUrl, { ...signed, payload: tampered });
    if (tamperedAnswer.status === 400) sent.refused++;
    expect(tamperedAnswer.status).toBe(400);

    expect((await deliver(event, { secret: "whsec_someone_else" })).status).toBe(400);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await deliver(event, { timestamp: tenMinutesAgo })).status).toBe(400);
    sent.events++;
    const unsigned = await fetch(webhookUrl, { method: "POST", body: JSON.stringify(event) });
    if (unsigned.status === 400) sent.refused++;
    expect(unsigned.status).toBe(400);

    expect(await available(buyer.id)).toBe(0);
    expect((await purchaseOf(paid.id)).status).toBe("open");
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, event.id))).toEqual([]);
    // The genuine delivery still works afterwards.
    expect(await deliver(event)).toEqual({ status: 200, result: "credited" });
    expect(await available(buyer.id)).toBe(100);
  });

  it("applies a replayed event id once, and the same session under a new event id once", async () => {
    const buyer = await newBuyer();
    const paid = paidSession(await startCheckout(buyer));
    const event = stripeEvent("checkout.session.completed", paid);
    expect(await deliver(event)).toEqual({ status: 200, result: "credited" });
    expect(await deliver(event)).toEqual({ status: 200, result: "duplicate_event" });
    expect(await deliver(stripeEvent("checkout.session.completed", paid))).toEqual({
      status: 200,
      result: "already_credited",
    });
    expect(await deliver(stripeEvent("checkout.session.async_payment_succeeded", paid))).toEqual({
      status: 200,
      result: "already_credited",
    });
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 100, granted: 100 });
  });

  it("credits once under concurrent duplicates (same event id and new ids at once)", async () => {
    const buyer = await newBuyer();
    const paid = paidSession(await startCheckout(buyer, "team"));
    const event = stripeEvent("checkout.session.completed", paid);
    const deliveries = [
      ...Array.from({ length: 4 }, () => event),
      ...Array.from({ length: 4 }, () => stripeEvent("checkout.session.completed", paid)),
    ];
    const answers = await Promise.all(deliveries.map((e) => deliver(e)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.result === "credited")).toHaveLength(1);
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 500, granted: 500 });
    const purchase = await purchaseOf(paid.id);
    const purchaseEntries = await db
      .select()
      .from(creditEntries)
      .where(eq(creditEntries.purchaseId, purchase.id));
    expect(purchaseEntries).toHaveLength(1);
  });

  it("waits for a delayed payment: completed unpaid credits nothing, async_payment_succeeded credits", async () => {
    const buyer = await newBuyer();
    const session = await startCheckout(buyer);
    const unpaid = { ...paidSession(session), payment_status: "unpaid" as const };
    expect(await deliver(stripeEvent("checkout.session.completed", unpaid))).toEqual({
      status: 200,
      result: "awaiting_payment",
    });
    expect(await available(buyer.id)).toBe(0);
    const paid = { ...unpaid, payment_status: "paid" as const };
    expect(await deliver(stripeEvent("checkout.session.async_payment_succeeded", paid))).toEqual({
      status: 200,
      result: "credited",
    });
    expect(await available(buyer.id)).toBe(100);
  });

  it("credits what our row says, never what the event says: a wrong amount is rejected", async () => {
    const buyer = await newBuyer();
    const session = paidSession(await startCheckout(buyer));
    const cheap = { ...session, amount_total: 1 };
    expect(await deliver(stripeEvent("checkout.session.completed", cheap))).toEqual({
      status: 200,
      result: "rejected",
    });
    const otherCurrency = { ...session, currency: "eur" };
    expect(await deliver(stripeEvent("checkout.session.completed", otherCurrency))).toEqual({
      status: 200,
      result: "rejected",
    });
    expect(await available(buyer.id)).toBe(0);
    expect((await purchaseOf(session.id)).status).toBe("open");
  });

  it("marks an expired checkout expired, and ignores event types it does not use", async () => {
    const buyer = await newBuyer();
    const session = await startCheckout(buyer);
    expect(
      await deliver(stripeEvent("checkout.session.expired", { ...session, status: "expired" })),
    ).toEqual({ status: 200, result: "expired" });
    expect((await purchaseOf(session.id)).status).toBe("expired");
    expect(
      await deliver(stripeEvent("customer.created", { id: "cus_1", object: "customer" })),
    ).toEqual({ status: 200, result: "ignored" });
  });

  it("takes back partial and full refunds exactly, cumulatively, whatever the order or replays", async () => {
    const buyer = await newBuyer();
    const paid = await buy(buyer);
    const pi = paid.payment_intent!;
    const refund = (amountRefunded: number) =>
      stripeEvent(
        "charge.refunded",
        refundedCharge({ paymentIntent: pi, amount: 1000, amountRefunded }),
      );

    const thirty = refund(300);
    expect(await deliver(thirty)).toEqual({ status: 200, result: "refunded" });
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 70, granted: 70 });
    expect(await deliver(thirty)).toEqual({ status: 200, result: "duplicate_event" });
    expect(await deliver(refund(1000))).toEqual({ status: 200, result: "refunded" });
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 0, granted: 0 });
    // An older partial refund delivered late, under its own event id: already covered.
    expect(await deliver(refund(500))).toEqual({ status: 200, result: "refund_unchanged" });
    const purchase = await purchaseOf(paid.id);
    expect(purchase).toMatchObject({ creditsRefunded: 100, refundShortfall: 0, flaggedAt: null });
    const refunds = await db
      .select({ amount: creditEntries.amount })
      .from(creditEntries)
      .where(eq(creditEntries.purchaseId, purchase.id));
    expect(refunds.map((r) => r.amount).sort((a, b) => a - b)).toEqual([30, 70, 100]);
  });

  it("keeps a refund that arrives before its checkout and applies it when the purchase is paid", async () => {
    const buyer = await newBuyer();
    const paid = paidSession(await startCheckout(buyer));
    const early = stripeEvent(
      "charge.refunded",
      refundedCharge({ paymentIntent: paid.payment_intent!, amount: 1000, amountRefunded: 400 }),
    );
    expect(await deliver(early)).toEqual({ status: 200, result: "deferred" });
    const [kept] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, early.id));
    expect(kept?.status).toBe("deferred");
    expect(await available(buyer.id)).toBe(0);

    expect(await deliver(stripeEvent("checkout.session.completed", paid))).toEqual({
      status: 200,
      result: "credited",
    });
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 60, granted: 60 });
    const [applied] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, early.id));
    expect(applied?.status).toBe("processed");
    expect((await purchaseOf(paid.id)).creditsRefunded).toBe(40);
  });

  it("never drives the balance below zero: a refund of spent credits is clamped and flagged", async () => {
    const buyer = await newBuyer();
    const paid = await buy(buyer);
    // 80 of the 100 credits are gone (a debit stands in for spending them).
    const adminEmail = `stripe-admin-${randomUUID()}@example.com`;
    const admin = await createUser({
      email: adminEmail,
      password: "admin password 1",
      role: "admin",
    });
    await adjustCredits({
      actorId: admin.userId,
      userId: buyer.id,
      kind: "adjust",
      direction: "debit",
      amount: 80,
      reason: "Stand-in for credits spent on analyses",
    });
    expect(await available(buyer.id)).toBe(20);

    const full = stripeEvent(
      "charge.refunded",
      refundedCharge({ paymentIntent: paid.payment_intent!, amount: 1000, amountRefunded: 1000 }),
    );
    expect(await deliver(full)).toEqual({ status: 200, result: "refunded" });
    expect(await balanceOf(buyer.id)).toMatchObject({ available: 0, granted: 0 });
    const purchase = await purchaseOf(paid.id);
    expect(purchase.creditsRefunded).toBe(20);
    expect(purchase.refundShortfall).toBe(80);
    expect(purchase.flaggedAt).toBeInstanceOf(Date);
    // Replaying it takes nothing more and flags nothing more.
    expect(await deliver(stripeEvent("charge.refunded", full.data.object))).toEqual({
      status: 200,
      result: "refund_unchanged",
    });
    expect((await purchaseOf(paid.id)).refundShortfall).toBe(80);

    // The admin console's ledger page lists it for a person to decide.
    const adminClient = new ApiClient(appUrl);
    await adminClient.signIn(adminEmail, "admin password 1");
    const ledger = await adminClient.json<{
      flaggedPurchases: { id: string; refundShortfall: number; creditsRefunded: number }[];
    }>("GET", "/api/admin/ledger");
    expect(ledger.status).toBe(200);
    expect(ledger.body.flaggedPurchases).toContainEqual(
      expect.objectContaining({ id: purchase.id, refundShortfall: 80, creditsRefunded: 20 }),
    );
    const userPage = await adminClient.json<{ flaggedPurchases: { id: string }[] }>(
      "GET",
      `/api/admin/users/${buyer.id}/credits`,
    );
    expect(userPage.body.flaggedPurchases.map((p) => p.id)).toEqual([purchase.id]);
  });

  it("flags a checkout paid after its account was deleted, for an admin to refund", async () => {
    const buyer = await newBuyer();
    const session = await startCheckout(buyer);
    // The account is deleted (a tombstone) while the buyer is on Stripe's page.
    await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, buyer.id));
    const paid = paidSession(session);
    expect(await deliver(stripeEvent("checkout.session.completed", paid))).toEqual({
      status: 200,
      result: "credited",
    });
    const purchase = await purchaseOf(paid.id);
    expect(purchase.status).toBe("paid");
    expect(purchase.flaggedAt).toBeInstanceOf(Date);
    const [flagged] = await listFlaggedPurchases({ userId: buyer.id });
    expect(flagged).toMatchObject({ id: purchase.id, accountDeleted: true, refundShortfall: 0 });
  });

  it("has the ledger check catch a purchase row that disagrees with its entries", async () => {
    const buyer = await newBuyer();
    const paid = await buy(buyer);
    const { id } = await purchaseOf(paid.id);
    const codesFor = async () =>
      (await checkLedger()).violations.filter((v) => v.purchaseId === id).map((v) => v.code);
    expect(await codesFor()).toEqual([]);
    try {
      await db
        .update(creditPurchases)
        .set({ creditsRefunded: 1, status: "expired" })
        .where(eq(creditPurchases.id, id));
      expect((await codesFor()).sort()).toEqual([
        "refund_total_mismatch",
        "unpaid_purchase_credited",
      ]);
    } finally {
      await db
        .update(creditPurchases)
        .set({ creditsRefunded: 0, status: "paid" })
        .where(eq(creditPurchases.id, id));
    }
    expect(await codesFor()).toEqual([]);
  });

  it("leaves a ledger with zero violations after all of the above", async () => {
    const report = await checkLedger();
    const purchases = await db.select().from(creditPurchases);
    console.log(
      `${formatLedgerSummary(report)}; ${purchases.length} purchases (${purchases.filter((p) => p.status === "paid").length} paid, ${purchases.filter((p) => p.flaggedAt).length} flagged)`,
    );
    expect(report.violations).toEqual([]);
  });
});
