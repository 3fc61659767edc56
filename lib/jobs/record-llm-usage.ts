import { recordEvent } from "@/lib/analyses/record-event";
import type { AnalysisEngine } from "@/lib/analysis/select-analysis-steps";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";

/**
 * Token use of an LLM attempt goes on the analysis's timeline (admins see cost per analysis),
 * whether the attempt succeeded or not — failed calls cost tokens too. Never fails the job.
 */
export async function recordLlmUsage(
  fence: { analysisId: string; attempt: number; workerId: string },
  engine: AnalysisEngine,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const usage = engine.usage?.totals();
  if (!usage || usage.calls === 0) return;
  logger.info(
    {
      analysisId: fence.analysisId,
      attempt: fence.attempt,
      event: "LLM_USAGE",
      ...usage,
      ...extra,
    },
    "llm usage",
  );
  await recordEvent(db, {
    analysisId: fence.analysisId,
    type: "llm_usage",
    attempt: fence.attempt,
    workerId: fence.workerId,
    data: { ...usage, ...extra },
  }).catch((error: Error) => logger.warn({ err: error.message }, "llm usage not recorded"));
}
