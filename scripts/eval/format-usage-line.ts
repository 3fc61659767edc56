import type { LlmUsage } from "@/lib/analysis/llm/usage-meter";

/**
 * `eval-usage: …`, the tokens a provider run spent, printed beside the scores (the meter counts
 * tokens, not money: multiply by your model's prices).
 */
export function formatUsageLine(usage: LlmUsage, contracts: number): string {
  const perContract = contracts > 0 ? Math.round(usage.promptTokens / contracts) : 0;
  return [
    `eval-usage: model=${usage.model}`,
    `calls=${usage.calls}`,
    `prompt_tokens=${usage.promptTokens}`,
    `completion_tokens=${usage.completionTokens}`,
    `prompt_tokens_per_contract=${perContract}`,
  ].join(" ");
}
