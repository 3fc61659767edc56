import { deleteAccount, deleteAccountInputSchema } from "@/lib/deletion/delete-account";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

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
