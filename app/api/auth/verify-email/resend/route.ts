import { NextResponse } from "next/server";
import { resendVerificationMail } from "@/lib/auth/resend-verification-mail";
import { withUser } from "@/lib/http/json-route";

/** Resend my verification mail (no body) → 202 `{ email }`; 409 when already verified. */
export const POST = withUser(
  "/api/auth/verify-email/resend",
  async ({ user }) => NextResponse.json(await resendVerificationMail(user.id), { status: 202 }),
  { body: "none" },
);
