import { eq } from "drizzle-orm";
import { z } from "zod";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { recordAdminAction } from "@/lib/audit/record-admin-action";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { db } from "@/lib/db/client";
import { userRole, users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

export const setUserRoleInputSchema = z.object({
  role: z.enum(userRole.enumValues),
  reason: auditReasonSchema,
});

/**
 * An admin makes a user an admin or an admin a user. The account's sessions end, so the user
 * signs in again under the new role (requests read the live role anyway; ending the sessions
 * also means nothing signed in under the old role lingers). Audited like every admin action.
 */
export async function setUserRole(
  input: z.infer<typeof setUserRoleInputSchema> & { actorId: string; userId: string },
): Promise<{ changed: boolean }> {
  if (input.userId === input.actorId && input.role !== "admin") {
    throw new AppError("conflict", "You cannot remove your own admin role.");
  }
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update");
    if (!user) throw notFound("User");
    if (user.role === input.role) return { changed: false };
    await tx.update(users).set({ role: input.role }).where(eq(users.id, input.userId));
    await endUserSessions(tx, { userId: input.userId, reason: "role_changed" });
    await recordAdminAction(tx, {
      actorId: input.actorId,
      kind: "change_user_role",
      reason: input.reason,
      targetUserId: input.userId,
      data: { from: user.role, to: input.role },
    });
    return { changed: true };
  });
}
