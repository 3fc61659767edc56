import { env } from "@/lib/env";
import { type ChatClientConfig, createChatClient } from "./llm/chat-client";
import { createLlmSteps } from "./llm/llm-steps";
import { UsageMeter } from "./llm/usage-meter";
import { ANALYSIS_STEPS } from "./steps";
import type { AnalysisStep } from "./types";

export type AnalysisEngine = {
  steps: readonly AnalysisStep[];
  /** Token use so far, for an LLM engine; null for the local rules. */
  usage: UsageMeter | null;
};

/** The local rules engine. */
export function createRulesEngine(): AnalysisEngine {
  return { steps: ANALYSIS_STEPS, usage: null };
}

/** The worker's LLM settings (`LLM_*`), or the names of the required ones that are not set. */
export function readLlmSettings(): ChatClientConfig | { missing: string[] } {
  const { LLM_BASE_URL: baseUrl, LLM_MODEL: model } = env;
  if (!baseUrl || !model) {
    return { missing: [baseUrl ? "" : "LLM_BASE_URL", model ? "" : "LLM_MODEL"].filter(Boolean) };
  }
  return {
    baseUrl,
    apiKey: env.LLM_API_KEY,
    model,
    timeoutMs: env.LLM_TIMEOUT_MS,
    maxRetries: env.LLM_MAX_RETRIES,
  };
}

/** An LLM engine over one chat client, with a fresh usage meter. */
export function createLlmEngine(settings: ChatClientConfig): AnalysisEngine {
  const usage = new UsageMeter(settings.model);
  return { steps: createLlmSteps(createChatClient(settings), usage), usage };
}

/** The steps for one analysis attempt, per `ANALYSIS_PROVIDER` (a fresh usage meter each time). */
export function selectAnalysisEngine(): AnalysisEngine {
  const settings = env.ANALYSIS_PROVIDER === "openai" ? readLlmSettings() : null;
  if (!settings || "missing" in settings) return createRulesEngine();
  return createLlmEngine(settings);
}
