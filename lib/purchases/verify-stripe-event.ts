import type Stripe from "stripe";
import { env } from "@/lib/env";
import { getStripe } from "@/lib/purchases/stripe-client";

/** Stripe's events are a few kB; anything much larger is not one. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export class WebhookRejection extends Error {
  override name = "WebhookRejection";
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

/** The request body as sent — the signature covers these exact bytes — refusing more than
 *  `MAX_WEBHOOK_BYTES` without reading it all. */
async function readRawBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_WEBHOOK_BYTES) throw new WebhookRejection(413, "Payload too large.");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_WEBHOOK_BYTES) {
        await reader.cancel();
        throw new WebhookRejection(413, "Payload too large.");
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * The event of a webhook delivery, after `stripe.webhooks.constructEvent` verified its
 * `Stripe-Signature` against STRIPE_WEBHOOK_SECRET — over the raw bytes, within the SDK's
 * default 5-minute tolerance, so a tampered, foreign or replayed-late delivery is refused (400).
 */
export async function verifyStripeEvent(request: Request): Promise<Stripe.Event> {
  const signature = request.headers.get("stripe-signature");
  if (!signature) throw new WebhookRejection(400, "Missing Stripe-Signature header.");
  const body = await readRawBody(request);
  try {
    return getStripe().webhooks.constructEvent(body, signature, env.STRIPE_WEBHOOK_SECRET ?? "");
  } catch {
    throw new WebhookRejection(400, "Invalid Stripe signature.");
  }
}
