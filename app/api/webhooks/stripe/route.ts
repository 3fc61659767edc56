import { NextResponse } from "next/server";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { logger } from "@/lib/logger";
import { observeRequestDuration } from "@/lib/metrics/observe-request-duration";
import { purchasesEnabled } from "@/lib/purchases/credit-packs";
import { handleStripeEvent } from "@/lib/purchases/handle-stripe-event";
import { verifyStripeEvent, WebhookRejection } from "@/lib/purchases/verify-stripe-event";

const log = logger.child({ module: "stripe-webhook" });
const ROUTE = "/api/webhooks/stripe";

/**
 * Stripe's webhook. Not `withUser`/`withPublic`: no session, and no same-origin check — Stripe's
 * servers are another origin by definition; the signature over the raw body is what authenticates
 * it. 400 for a missing or bad signature; 200 with what became of the event otherwise (duplicates
 * and unknown types included, so Stripe stops retrying); 500 only if applying it failed, so
 * Stripe retries.
 */
export function POST(request: Request): Promise<Response> {
  return observeRequestDuration({ method: "POST", route: ROUTE }, async () => {
    if (!purchasesEnabled()) {
      return addTransportSecurity(
        NextResponse.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 }),
      );
    }
    let response: Response;
    try {
      const event = await verifyStripeEvent(request);
      const result = await handleStripeEvent(event);
      log.info({ eventId: event.id, type: event.type, result }, "stripe event");
      response = NextResponse.json({ received: true, result });
    } catch (error) {
      if (error instanceof WebhookRejection) {
        log.warn({ status: error.status, reason: error.message }, "stripe webhook refused");
        response = NextResponse.json(
          { error: { code: "bad_webhook", message: error.message } },
          { status: error.status },
        );
      } else {
        log.error({ err: error }, "stripe event failed; Stripe will retry it");
        response = NextResponse.json(
          { error: { code: "internal", message: "The event could not be applied." } },
          { status: 500 },
        );
      }
    }
    return addTransportSecurity(response);
  });
}
