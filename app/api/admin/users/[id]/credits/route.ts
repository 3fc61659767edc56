import { NextResponse } from "next/server";
import { z } from "zod";
import { adjustCredits, creditChangeInputSchema } from "@/lib/billing/adjust-credits";
import { getCreditBalance, listCreditEntries } from "@/lib/billing/get-credit-summary";
import { withAdmin } from "@/lib/http/json-route";
import { listFlaggedPurchases } from "@/lib/purchases/list-flagged-purchases";

/** A user's balance and full credit history, for admins. */
export const GET = withAdmin<{ id: string }>(
  "/api/admin/users/[id]/credits",
  async ({ params }) => {
    const userId = z.string().uuid().parse(params.id);
    const [balance, entries, flaggedPurchases] = await Promise.all([
      getCreditBalance(userId),
      listCreditEntries({ userId }),
      listFlaggedPurchases({ userId }),
    ]);
    return NextResponse.json({ balance, entries, flaggedPurchases });
  },
);

/** Grant or adjust credits with a mandatory reason; `Idempotency-Key` makes a retry a no-op. */
export const POST = withAdmin<{ id: string }>(
  "/api/admin/users/[id]/credits",
  async ({ request, user, params }) => {
    const userId = z.string().uuid().parse(params.id);
    const body: unknown = await request.json().catch(() => ({}));
    const key = request.headers.get("idempotency-key");
    const input = creditChangeInputSchema.parse({
      ...(typeof body === "object" && body ? body : {}),
      ...(key ? { idempotencyKey: key } : {}),
    });
    const result = await adjustCredits({ ...input, userId, actorId: user.id });
    const balance = await getCreditBalance(userId);
    return NextResponse.json({ ...result, balance }, { status: result.applied ? 201 : 200 });
  },
);
