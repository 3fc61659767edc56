import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { refuseUntrustedMutation } from "@/lib/http/json-route";
import { signInRateLimitedResponse } from "@/lib/rate-limit/sign-in-rate-limited-response";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: Request, context: Context): Promise<Response> {
  return addTransportSecurity(await handler(request, context));
}

/**
 * next-auth's own double-submit token guards sign-in and sign-out; the origin check refuses
 * another site's posts (login CSRF, forced sign-out) before that. Its client posts forms, and
 * JSON for a session update. A locked-out sign-in answers 429 + Retry-After instead of 401.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const refused = refuseUntrustedMutation(request, ["form", "json"]);
  if (refused) return refused;
  return addTransportSecurity(await signInRateLimitedResponse(await handler(request, context)));
}
