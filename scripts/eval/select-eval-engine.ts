import {
  type AnalysisEngine,
  createLlmEngine,
  createRulesEngine,
  readLlmSettings,
} from "@/lib/analysis/select-analysis-steps";

export const EVAL_PROVIDERS = ["rules", "openai"] as const;
export type EvalProvider = (typeof EVAL_PROVIDERS)[number];

/**
 * The engine `--provider` names. `openai` reads the worker's own settings (LLM_BASE_URL,
 * LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS, LLM_MAX_RETRIES from the environment), so the figures
 * are those of the model the worker would call; without them it is an error, never the rules.
 */
export function selectEvalEngine(provider: EvalProvider): AnalysisEngine | { error: string } {
  if (provider === "rules") return createRulesEngine();
  const settings = readLlmSettings();
  if ("missing" in settings) {
    return {
      error: `--provider openai uses the worker's LLM settings, and ${settings.missing.join(" and ")} ${settings.missing.length > 1 ? "are" : "is"} not set. Set LLM_BASE_URL (an OpenAI-compatible API, e.g. https://api.openai.com/v1) and LLM_MODEL, plus LLM_API_KEY if the server needs one.`,
    };
  }
  return createLlmEngine(settings);
}
