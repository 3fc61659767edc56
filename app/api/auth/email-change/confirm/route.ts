import { NextResponse } from "next/server";
import { confirmEmailChange } from "@/lib/auth/confirm-email-change";
import { tokenInputSchema } from "@/lib/auth/verify-email";
import { withPublic } from "@/lib/http/json-route";

/**
 * Confirm a new e-mail with the token mailed to it: `{ token }` → 200 `{ email }`; 409 when
 * another account uses that address now, 422 for an unknown, used or expired token.
 */
export const POST = withPublic("/api/auth/email-change/confirm", async ({ request }) => {
  const { token } = tokenInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await confirmEmailChange(token));
});
