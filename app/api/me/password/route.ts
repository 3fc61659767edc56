import { NextResponse } from "next/server";
import { changePassword, changePasswordInputSchema } from "@/lib/auth/change-password";
import { issueSessionCookie } from "@/lib/auth/issue-session-cookie";
import { withUser } from "@/lib/http/json-route";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

/**
 * Change my password: `{ currentPassword, newPassword }` → 200 `{ sessionsEnded }`. Every
 * session of the account ends (a stolen one included); this client gets a new session cookie
 * in the answer, so the person who changed it stays signed in here.
 */
export const POST = withUser("/api/me/password", async ({ request, user }) => {
  await consumeOrThrow("passwordChangeUser", user.id);
  const input = changePasswordInputSchema.parse(await request.json().catch(() => ({})));
  const { sessionsEnded } = await changePassword({ ...input, userId: user.id });
  await issueSessionCookie(user);
  return NextResponse.json({ sessionsEnded });
});
