import { NextResponse } from "next/server";
import { tokenInputSchema, verifyEmail } from "@/lib/auth/verify-email";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Verify the e-mail: `{ token }` (from the mailed link) → 200 `{ email, granted,
 * alreadyVerified }`; 422 for an unknown, used or expired token. Only a POST uses the token.
 */
export const POST = withPublic("/api/auth/verify-email", async ({ request }) => {
  await consumeOrThrow("authLinkIp", clientIp(request.headers));
  const { token } = tokenInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await verifyEmail(token));
});
