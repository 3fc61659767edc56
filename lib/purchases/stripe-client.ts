import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const globalForStripe = globalThis as unknown as { __clauseflowStripe?: Stripe };

/**
 * The one Stripe SDK client of this process. `STRIPE_API_URL` (tests only) points it at a local
 * stand-in through the SDK's own host/port/protocol options, so the request the SDK builds is
 * the one Stripe would get.
 */
export function getStripe(): Stripe {
  if (globalForStripe.__clauseflowStripe) return globalForStripe.__clauseflowStripe;
  if (!env.STRIPE_SECRET_KEY) {
    throw new AppError("not_found", "Buying credits is not available here.");
  }
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  const client = new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Clauseflow" },
    ...(api
      ? {
          host: api.hostname,
          port: api.port || (api.protocol === "https:" ? 443 : 80),
          protocol: api.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  globalForStripe.__clauseflowStripe = client;
  return client;
}
