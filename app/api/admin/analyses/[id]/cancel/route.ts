import { NextResponse } from "next/server";
import { z } from "zod";
import { cancelAnalysisAsAdmin } from "@/lib/analyses/cancel-analysis";
import { getAdminAnalysisDetail } from "@/lib/analyses/get-admin-analysis";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { withAdmin } from "@/lib/http/json-route";

const bodySchema = z.object({
  reason: auditReasonSchema,
});

/** Cancel anyone's analysis with a reason (audit-logged); the hold is released. */
export const POST = withAdmin<{ id: string }>(
  "/api/admin/analyses/[id]/cancel",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const { reason } = bodySchema.parse(await request.json().catch(() => ({})));
    await cancelAnalysisAsAdmin({ analysisId, reason, actorId: user.id });
    return NextResponse.json(await getAdminAnalysisDetail(analysisId));
  },
);
