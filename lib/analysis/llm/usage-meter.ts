/** Token use of one analysis attempt across every LLM call, recorded on its timeline. */
export type LlmUsage = {
  model: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
};

export class UsageMeter {
  private usage: LlmUsage;

  constructor(model: string) {
    this.usage = { model, calls: 0, promptTokens: 0, completionTokens: 0 };
  }

  add(call: { promptTokens: number; completionTokens: number }): void {
    this.usage.calls += 1;
    this.usage.promptTokens += call.promptTokens;
    this.usage.completionTokens += call.completionTokens;
  }

  totals(): LlmUsage {
    return { ...this.usage };
  }
}
