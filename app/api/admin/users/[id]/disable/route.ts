import { NextResponse } from "next/server";
import { z } from "zod";
import { setUserDisabled, setUserDisabledInputSchema } from "@/lib/auth/set-user-disabled";
import { withAdmin } from "@/lib/http/json-route";

/** Disable (`disabled: true`) or re-enable a user, with a reason (audit-logged). */
export const POST = withAdmin<{ id: string }>(
  "/api/admin/users/[id]/disable",
  async ({ request, user, params }) => {
    const userId = z.string().uuid().parse(params.id);
    const input = setUserDisabledInputSchema.parse(await request.json().catch(() => ({})));
    return NextResponse.json(await setUserDisabled({ ...input, userId, actorId: user.id }));
  },
);
