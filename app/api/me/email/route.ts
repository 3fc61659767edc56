import { NextResponse } from "next/server";
import { emailChangeInputSchema, requestEmailChange } from "@/lib/auth/request-email-change";
import { withUser } from "@/lib/http/json-route";

/**
 * Change my e-mail: `{ email, password }` → 202 `{ email }`: a confirm link went to the new
 * address (the change applies when it is followed), a notice to the current one.
 */
export const POST = withUser("/api/me/email", async ({ request, user }) => {
  const input = emailChangeInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await requestEmailChange({ ...input, userId: user.id }), {
    status: 202,
  });
});
