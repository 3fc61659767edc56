import { NextResponse } from "next/server";
import {
  PASSWORD_RESET_ANSWER,
  passwordResetRequestSchema,
  requestPasswordReset,
} from "@/lib/auth/request-password-reset";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";

/**
 * Forgot password: `{ email }` → 202 with the same body whether or not an account uses it
 * (429 when this IP or this e-mail asked too often).
 */
export const POST = withPublic("/api/auth/password-reset", async ({ request }) => {
  const { email } = passwordResetRequestSchema.parse(await request.json().catch(() => ({})));
  await requestPasswordReset({ email, ip: clientIp(request.headers) });
  return NextResponse.json(PASSWORD_RESET_ANSWER, { status: 202 });
});
