import { NextResponse } from "next/server";
import { adminAnalysesQuerySchema, listAdminAnalyses } from "@/lib/analyses/list-admin-analyses";
import { withAdmin } from "@/lib/http/json-route";

export const GET = withAdmin("/api/admin/analyses", async ({ request }) => {
  const query = adminAnalysesQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return NextResponse.json(await listAdminAnalyses(query));
});
