import { NextResponse } from "next/server";
import { signUpInputSchema } from "@/lib/auth/create-user";
import { signUpUser } from "@/lib/auth/sign-up-user";
import { withPublic } from "@/lib/http/json-route";
import { clientIp } from "@/lib/rate-limit/client-ip";

/**
 * Sign up: `{ email, password, name? }` → 201 `{ email }`, the same whether or not the e-mail
 * already had an account. Then sign in via next-auth.
 */
export const POST = withPublic("/api/users", async ({ request }) => {
  const input = signUpInputSchema.parse(await request.json().catch(() => ({})));
  const answer = await signUpUser({ ...input, ip: clientIp(request.headers) });
  return NextResponse.json(answer, { status: 201 });
});
