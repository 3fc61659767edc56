import { NextResponse } from "next/server";
import { adminActionsQuerySchema, listAdminActions } from "@/lib/audit/list-admin-actions";
import { withAdmin } from "@/lib/http/json-route";

/** The audit log of admin actions, newest first. */
export const GET = withAdmin("/api/admin/audit", async ({ request }) => {
  const query = adminActionsQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return NextResponse.json(await listAdminActions(query));
});
