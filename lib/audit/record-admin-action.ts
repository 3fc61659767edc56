import type { DbOrTx } from "@/lib/db/client";
import { type AdminActionKind, adminActions } from "@/lib/db/schema";

/** Appends one entry to the audit log, in the caller's transaction (so it lands with the action). */
export async function recordAdminAction(
  tx: DbOrTx,
  action: {
    /** Null for the system's own actions (retention's purge). */
    actorId: string | null;
    kind: AdminActionKind;
    reason: string;
    targetUserId?: string | null;
    analysisId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(adminActions).values({
    actorId: action.actorId,
    kind: action.kind,
    reason: action.reason,
    targetUserId: action.targetUserId ?? null,
    analysisId: action.analysisId ?? null,
    data: action.data ?? null,
  });
}
