import { NextResponse } from "next/server";
import { listUsers, listUsersQuerySchema } from "@/lib/auth/list-users";
import { withAdmin } from "@/lib/http/json-route";

export const GET = withAdmin("/api/admin/users", async ({ request }) => {
  const query = listUsersQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listUsers(query));
});
