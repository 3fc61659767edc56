import { NextResponse } from "next/server";
import { z } from "zod";
import { auditReasonSchema } from "@/lib/audit/audit-reason";
import { withAdmin } from "@/lib/http/json-route";
import { cancelAnalysisAsAdmin } from "@/lib/jobs/cancel-analysis";
import { getAdminAnalysisDetail } from "@/lib/jobs/get-admin-analysis";

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
