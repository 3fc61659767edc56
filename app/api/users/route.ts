import { NextResponse } from "next/server";
import { createUser, signUpInputSchema } from "@/lib/auth/create-user";
import { addTransportSecurity } from "@/lib/http/add-transport-security";
import { errorResponse, refuseUntrustedMutation } from "@/lib/http/json-route";

/** Sign up: `{ email, password, name? }` → 201 `{ userId }`. Then sign in via next-auth. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseUntrustedMutation(request, "json");
  if (refused) return refused;
  try {
    const input = signUpInputSchema.parse(await request.json().catch(() => ({})));
    return addTransportSecurity(NextResponse.json(await createUser(input), { status: 201 }));
  } catch (error) {
    return addTransportSecurity(errorResponse(error));
  }
}
