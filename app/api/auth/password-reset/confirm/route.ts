import { NextResponse } from "next/server";
import { passwordResetConfirmSchema, resetPassword } from "@/lib/auth/reset-password";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Set a new password with the mailed token: `{ token, password }` → 200 `{ email }`; every
 * session of the account has ended. 422 for an unknown, used or expired token.
 */
export const POST = withPublic("/api/auth/password-reset/confirm", async ({ request }) => {
  await consumeOrThrow("authLinkIp", clientIp(request.headers));
  const input = passwordResetConfirmSchema.parse(await request.json().catch(() => ({})));
  const { email } = await resetPassword(input);
  return NextResponse.json({ email });
});
