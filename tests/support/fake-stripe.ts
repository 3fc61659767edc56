import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/** Test keys: the shapes lib/env.ts accepts, values no real Stripe account has. */
export const FAKE_STRIPE_SECRET_KEY = "sk_test_clauseflow_fake_key";
export const FAKE_STRIPE_WEBHOOK_SECRET = "whsec_clauseflow_fake_webhook_secret";

/** The SDK only for its webhook helpers (signing needs no network). */
const sdk = new Stripe(FAKE_STRIPE_SECRET_KEY);

export type FakeSession = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  payment_intent: string | null;
  url: string;
};

/** One request the SDK sent: its form fields flattened as Stripe's encoding names them. */
export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  form: Record<string, string>;
};

/** A Stripe event around `object`, as Stripe posts it to a webhook endpoint. */
export function stripeEvent(
  type: string,
  object: object,
  id = `evt_${randomBytes(12).toString("hex")}`,
) {
  return {
    id,
    object: "event",
    api_version: "2025-10-29.clover",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

/** A payload and its `Stripe-Signature` header, made by the SDK's own test helper. */
export function signEvent(
  event: object,
  options: { secret?: string; timestamp?: number } = {},
): { payload: string; signature: string } {
  const payload = JSON.stringify(event);
  const signature = sdk.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? FAKE_STRIPE_WEBHOOK_SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  });
  return { payload, signature };
}

/** A `charge.refunded` charge of `paymentIntent`: cumulative `amount_refunded` of `amount`. */
export function refundedCharge(input: {
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
  currency?: string;
}) {
  return {
    id: `ch_${input.paymentIntent.slice(3)}`,
    object: "charge",
    amount: input.amount,
    amount_refunded: input.amountRefunded,
    currency: input.currency ?? "usd",
    paid: true,
    refunded: input.amountRefunded >= input.amount,
    payment_intent: input.paymentIntent,
    status: "succeeded",
  };
}

/** The session as `checkout.session.completed` carries it once paid. */
export function paidSession(
  session: FakeSession,
  paymentIntent = `pi_${randomBytes(12).toString("hex")}`,
): FakeSession {
  return { ...session, status: "complete", payment_status: "paid", payment_intent: paymentIntent };
}

export async function postSigned(
  webhookUrl: string,
  signed: { payload: string; signature: string },
): Promise<Response> {
  return fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signed.signature },
    body: signed.payload,
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A local server speaking the part of Stripe's API the app uses — `POST /v1/checkout/sessions`,
 * form-encoded, Bearer-authenticated, answering a Checkout Session as JSON — and a stand-in for
 * Stripe's hosted Checkout page at the session's `url`: its "Pay" button makes the
 * `checkout.session.completed` event, signs it with the SDK's test-header helper, posts it to the
 * app's webhook and then sends the browser to `success_url`, as Stripe would.
 */
export async function startFakeStripe(options: {
  secretKey?: string;
  webhookSecret?: string;
  /** Where "Pay" posts the signed event; may be set after the app's URL is known. */
  webhookUrl?: string;
}) {
  const secretKey = options.secretKey ?? FAKE_STRIPE_SECRET_KEY;
  const state = {
    webhookUrl: options.webhookUrl ?? "",
    requests: [] as RecordedRequest[],
    sessions: new Map<string, FakeSession>(),
    /** Webhook answers of the "Pay" button, in order. */
    deliveries: [] as { eventId: string; status: number }[],
  };
  let base = "";

  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => resolve(body));
    });

  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      "content-type": "application/json",
      "request-id": `req_${state.requests.length}`,
    });
    res.end(JSON.stringify(body));
  };

  const createSession = (res: http.ServerResponse, form: Record<string, string>) => {
    const id = `cs_test_${randomBytes(12).toString("hex")}`;
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(form)) {
      const m = /^metadata\[(.+)\]$/.exec(key);
      if (m) metadata[m[1]!] = value;
    }
    const quantity = Number(form["line_items[0][quantity]"] ?? "1");
    const session: FakeSession = {
      id,
      object: "checkout.session",
      mode: form.mode ?? "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: Number(form["line_items[0][price_data][unit_amount]"] ?? "0") * quantity,
      currency: form["line_items[0][price_data][currency]"] ?? "usd",
      client_reference_id: form.client_reference_id ?? null,
      customer_email: form.customer_email ?? null,
      metadata,
      success_url: form.success_url ?? "",
      cancel_url: form.cancel_url ?? "",
      payment_intent: null,
      url: `${base}/pay/${id}`,
    };
    state.sessions.set(id, session);
    json(res, 200, session);
  };

  const checkoutPage = (res: http.ServerResponse, session: FakeSession) => {
    const price = (session.amount_total / 100).toFixed(2);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout stand-in</title></head>
<body><main><h1>Checkout stand-in</h1>
<p data-testid="checkout-amount">${escapeHtml(`${price} ${session.currency.toUpperCase()}`)}</p>
<p>${escapeHtml(session.customer_email ?? "")}</p>
<form method="post" action="/pay/${session.id}"><button type="submit">Pay</button></form>
<a href="${escapeHtml(session.cancel_url)}">Cancel</a></main></body></html>`);
  };

  const pay = async (res: http.ServerResponse, session: FakeSession) => {
    const paid = paidSession(session);
    state.sessions.set(session.id, paid);
    const event = stripeEvent("checkout.session.completed", paid);
    const answer = await postSigned(
      state.webhookUrl,
      signEvent(event, { secret: options.webhookSecret ?? FAKE_STRIPE_WEBHOOK_SECRET }),
    );
    state.deliveries.push({ eventId: event.id, status: answer.status });
    if (!answer.ok) {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`webhook answered ${answer.status}: ${await answer.text()}`);
      return;
    }
    res.writeHead(303, { location: session.success_url });
    res.end();
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      const body = await readBody(req);
      if (url.pathname.startsWith("/v1/")) {
        const form = Object.fromEntries(new URLSearchParams(body));
        state.requests.push({
          method: req.method ?? "",
          path: url.pathname,
          authorization: req.headers.authorization,
          idempotencyKey: req.headers["idempotency-key"] as string | undefined,
          form,
        });
        if (req.headers.authorization !== `Bearer ${secretKey}`) {
          json(res, 401, {
            error: { type: "invalid_request_error", message: "Invalid API Key provided" },
          });
          return;
        }
        if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
          createSession(res, form);
          return;
        }
        json(res, 404, {
          error: { type: "invalid_request_error", message: "Unrecognized request URL" },
        });
        return;
      }
      const pageMatch = /^\/pay\/(cs_test_[0-9a-f]+)$/.exec(url.pathname);
      const session = pageMatch ? state.sessions.get(pageMatch[1]!) : undefined;
      if (!session) {
        res.writeHead(404).end();
        return;
      }
      if (req.method === "GET") checkoutPage(res, session);
      else if (req.method === "POST") await pay(res, session);
      else res.writeHead(405).end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

/** The app's Stripe settings for a server that talks to `fake`. */
export function fakeStripeEnv(fake: { url: string }): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: FAKE_STRIPE_WEBHOOK_SECRET,
    STRIPE_API_URL: fake.url,
    CREDIT_PACKS: "starter:100:1000:usd,team:500:4000:usd",
  };
}
