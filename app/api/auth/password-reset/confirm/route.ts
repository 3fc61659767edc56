import { NextResponse } from "next/server";
import { passwordResetConfirmSchema, resetPassword } from "@/lib/auth/reset-password";
import { withPublic } from "@/lib/http/json-route";

/**
 * Set a new password with the mailed token: `{ token, password }` → 200 `{ email }`; every
 * session of the account has ended. 422 for an unknown, used or expired token.
 */
export const POST = withPublic("/api/auth/password-reset/confirm", async ({ request }) => {
  const input = passwordResetConfirmSchema.parse(await request.json().catch(() => ({})));
  const { email } = await resetPassword(input);
  return NextResponse.json({ email });
});
