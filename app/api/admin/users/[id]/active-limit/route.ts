import { NextResponse } from "next/server";
import { z } from "zod";
import {
  setUserActiveLimit,
  setUserActiveLimitInputSchema,
} from "@/lib/admission/set-user-active-limit";
import { withAdmin } from "@/lib/http/json-route";

/** Set a user's own limit of analyses at once (1–100) or `null` for the default, with a reason
 *  (audit-logged). Raising it admits waiting analyses at once. */
export const PUT = withAdmin<{ id: string }>(
  "/api/admin/users/[id]/active-limit",
  async ({ request, user, params }) => {
    const userId = z.string().uuid().parse(params.id);
    const input = setUserActiveLimitInputSchema.parse(await request.json().catch(() => ({})));
    return NextResponse.json(await setUserActiveLimit({ ...input, userId, actorId: user.id }));
  },
);
