import { NextResponse } from "next/server";
import { profileInputSchema, updateProfile } from "@/lib/auth/update-profile";
import { deleteAccount, deleteAccountInputSchema } from "@/lib/deletion/delete-account";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/** Change my name and/or analysis-mail preference: `{ name?, analysisMail? }` → 200 with both. */
export const PATCH = withUser("/api/me", async ({ request, user }) => {
  const input = profileInputSchema.parse(await request.json().catch(() => ({})));
  return NextResponse.json(await updateProfile({ ...input, userId: user.id }));
});

/**
 * Delete my account, body `{password}`: every document and memo is purged, running analyses are
 * cancelled and released, every session ends; the credit history stays, anonymised. 204;
 * 403 for a wrong password, 409 for the last active admin.
 */
export const DELETE = withUser("/api/me", async ({ request, user }) => {
  await consumeOrThrow("deleteAccountUser", user.id);
  const input = deleteAccountInputSchema.parse(await request.json().catch(() => ({})));
  await deleteAccount(user, input);
  return new Response(null, { status: 204 });
});
