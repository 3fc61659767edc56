import { env } from "@/lib/env";
import { createChatClient } from "./llm/chat-client";
import { createLlmSteps } from "./llm/llm-steps";
import { UsageMeter } from "./llm/usage-meter";
import { ANALYSIS_STEPS } from "./steps";
import type { AnalysisStep } from "./types";

export type AnalysisEngine = {
  steps: readonly AnalysisStep[];
  /** Token use so far, for an LLM engine; null for the local rules. */
  usage: UsageMeter | null;
};

/** The steps for one analysis attempt, per `ANALYSIS_PROVIDER` (a fresh usage meter each time). */
export function selectAnalysisEngine(): AnalysisEngine {
  if (env.ANALYSIS_PROVIDER !== "openai" || !env.LLM_BASE_URL || !env.LLM_MODEL) {
    return { steps: ANALYSIS_STEPS, usage: null };
  }
  const client = createChatClient({
    baseUrl: env.LLM_BASE_URL,
    apiKey: env.LLM_API_KEY,
    model: env.LLM_MODEL,
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
  });
  const usage = new UsageMeter(env.LLM_MODEL);
  return { steps: createLlmSteps(client, usage), usage };
}
