import { NextResponse } from "next/server";
import { getCreditBalance, listCreditEntries } from "@/lib/billing/get-credit-summary";
import { withUser } from "@/lib/http/json-route";
import { getPurchaseOptions } from "@/lib/purchases/credit-packs";

export const GET = withUser("/api/me/credits", async ({ user }) => {
  const [balance, entries] = await Promise.all([
    getCreditBalance(user.id),
    listCreditEntries({ userId: user.id }),
  ]);
  // `purchases` tells every page whether to offer "Buy credits" (and which packs) or whom to ask.
  return NextResponse.json({ balance, entries, purchases: getPurchaseOptions() });
});
