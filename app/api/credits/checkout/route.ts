import { NextResponse } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withUser } from "@/lib/http/json-route";
import { createCheckout } from "@/lib/purchases/create-checkout";
import { purchasesEnabled } from "@/lib/purchases/credit-packs";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

const bodySchema = z.object({ pack: z.string().trim().min(1).max(64) });

/** Buy a credit pack: answers the Stripe Checkout URL to send the browser to. 404 while Stripe
 *  is not configured; 422 for a pack that is not for sale. */
export const POST = withUser("/api/credits/checkout", async ({ request, user }) => {
  if (!purchasesEnabled()) throw new AppError("not_found", "Buying credits is not available here.");
  await consumeOrThrow("checkoutUser", user.id);
  const { pack } = bodySchema.parse(await request.json().catch(() => ({})));
  const origin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : new URL(request.url).origin;
  const { url } = await createCheckout(user, pack, origin);
  return NextResponse.json({ url });
});
