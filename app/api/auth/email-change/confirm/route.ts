import { NextResponse } from "next/server";
import { confirmEmailChange } from "@/lib/auth/confirm-email-change";
import { tokenInputSchema } from "@/lib/auth/verify-email";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Confirm a new e-mail with the token mailed to it: `{ token }` → 200 `{ email }`; 409 when
 * another account uses that address now, 422 for an unknown, used or expired token.
 */
export const POST = withPublic("/api/auth/email-change/confirm", async ({ request }) => {
  await consumeOrThrow("authLinkIp", clientIp(request.headers));
  const { token } = tokenInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await confirmEmailChange(token));
});
