import { NextResponse } from "next/server";
import { z } from "zod";
import { getAdminAnalysisDetail } from "@/lib/analyses/get-admin-analysis";
import { withAdmin } from "@/lib/http/json-route";

const paramsSchema = z.object({ id: z.string().uuid() });

/** One analysis with its timeline, ledger entries, chunks and internal error (admins only). */
export const GET = withAdmin<{ id: string }>("/api/admin/analyses/[id]", async ({ params }) => {
  const { id } = paramsSchema.parse(params);
  return NextResponse.json(await getAdminAnalysisDetail(id));
});
