"use server";

import { z } from "zod";
import { type ActionResult, runAction } from "@/app/actions/action-result";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { type CancelAnswer, cancelAnalysis } from "@/lib/analyses/cancel-analysis";
import { confirmAnalysis, confirmAnalysisInputSchema } from "@/lib/analyses/confirm-analysis";
import { getUserOrThrow } from "@/lib/auth/session";
import { consumeOrThrow } from "@/lib/rate-limit/consume-or-throw";

export async function confirmAnalysisAction(input: {
  documentId: string;
  idempotencyKey: string;
  /** Analyse again although a memo (or a run) of the same file exists. */
  rerun?: boolean;
  /** Analyse although the quote warned it does not look like a contract. */
  acknowledgeWarning?: boolean;
}): Promise<ActionResult<{ analysis: AnalysisView }>> {
  return runAction(async () => {
    const user = await getUserOrThrow();
    await consumeOrThrow("confirmUser", user.id);
    const parsed = confirmAnalysisInputSchema.parse(input);
    const { analysis } = await confirmAnalysis({ userId: user.id, ...parsed });
    return { analysis };
  });
}

export async function cancelAnalysisAction(input: {
  analysisId: string;
}): Promise<ActionResult<{ analysis: AnalysisView; cancel: CancelAnswer }>> {
  return runAction(async () => {
    const user = await getUserOrThrow();
    const analysisId = z.string().uuid().parse(input.analysisId);
    return cancelAnalysis({ userId: user.id, analysisId });
  });
}
