import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { signInRateLimitedResponse } from "@/lib/rate-limit/sign-in-rate-limited-response";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** A locked-out sign-in answers 429 + Retry-After instead of next-auth's 401. */
async function post(request: Request, context: Context): Promise<Response> {
  return signInRateLimitedResponse(await handler(request, context));
}

export { handler as GET, post as POST };
