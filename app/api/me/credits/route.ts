import { NextResponse } from "next/server";
import { getCreditBalance, listCreditEntries } from "@/lib/billing/get-credit-summary";
import { withUser } from "@/lib/http/json-route";

export const GET = withUser("/api/me/credits", async ({ user }) => {
  const [balance, entries] = await Promise.all([
    getCreditBalance(user.id),
    listCreditEntries({ userId: user.id }),
  ]);
  return NextResponse.json({ balance, entries });
});
