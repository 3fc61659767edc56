import { NextResponse } from "next/server";
import { profileInputSchema, updateProfile } from "@/lib/auth/update-profile";
import { withUser } from "@/lib/http/json-route";

/** Change my name and/or analysis-mail preference: `{ name?, analysisMail? }` → 200 with both. */
export const PATCH = withUser("/api/me", async ({ request, user }) => {
  const input = profileInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await updateProfile({ ...input, userId: user.id }));
});
