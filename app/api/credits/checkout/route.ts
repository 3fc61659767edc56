import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { appOrigin } from "@/lib/http/app-url";
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
  const { url } = await createCheckout(user, pack, appOrigin());
  return NextResponse.json({ url });
});
