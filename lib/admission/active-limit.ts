import { env } from "@/lib/env";

/**
 * How many analyses a user may have active at once (design.md "Admission"): their own limit if an
 * admin set one, else USER_MAX_ACTIVE. `null` means no limit (USER_MAX_ACTIVE=0 turns admission
 * off for everyone without a limit of their own).
 */
export function activeLimitOf(user: { maxActiveAnalyses: number | null }): number | null {
  const limit = user.maxActiveAnalyses ?? env.USER_MAX_ACTIVE;
  return limit > 0 ? limit : null;
}
