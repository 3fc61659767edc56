import { NextResponse } from "next/server";
import { withAdmin } from "@/lib/http/json-route";
import { adminAnalysesQuerySchema, listAdminAnalyses } from "@/lib/jobs/list-admin-analyses";

export const GET = withAdmin("/api/admin/analyses", async ({ request }) => {
  const query = adminAnalysesQuerySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  return NextResponse.json(await listAdminAnalyses(query));
});
