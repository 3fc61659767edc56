import { describe, expect, it } from "vitest";
import { UsageMeter } from "@/lib/analysis/llm/usage-meter";
import { createRulesEngine } from "@/lib/analysis/select-analysis-steps";
import { answerContracts, NO_ANSWERS } from "@/scripts/eval/answer-contracts";
import { formatUsageLine } from "@/scripts/eval/format-usage-line";
import { type CuadLabel, EXACT_FIELDS, FLAG_FIELDS } from "@/scripts/eval/types";
import { toExtractedText } from "./load-contract";

const label = (pdfFile: string): CuadLabel => ({
  pdfFile,
  txtFile: "",
  answers: {
    parties: "",
    exact: Object.fromEntries(EXACT_FIELDS.map((f) => [f, ""])) as CuadLabel["answers"]["exact"],
    flags: Object.fromEntries(FLAG_FIELDS.map((f) => [f, ""])) as CuadLabel["answers"]["flags"],
  },
});

const GOOD = toExtractedText(
  "This Agreement shall be governed by the laws of the State of Delaware.",
);

describe("the eval's provider path", () => {
  it("lists a failed analysis and scores it as answering nothing, never leaving it out", async () => {
    const rules = createRulesEngine();
    const failing = {
      ...rules,
      steps: rules.steps.map((step) =>
        step.id === "clauses"
          ? {
              ...step,
              run: (...args: Parameters<typeof step.run>) => {
                if (args[0] !== GOOD) throw new Error("the model's answer did not match");
                return step.run(...args);
              },
            }
          : step,
      ),
    };
    const { scored, failures } = await answerContracts(
      [label("a.pdf"), label("b.pdf")],
      async (l) => (l.pdfFile === "a.pdf" ? GOOD : toExtractedText("Another contract.")),
      failing,
      null,
    );
    expect(scored.map((s) => s.label.pdfFile)).toEqual(["a.pdf", "b.pdf"]);
    expect(scored[0]?.answers.exact.governing_law).toBe("Delaware");
    expect(scored[1]?.answers).toEqual(NO_ANSWERS);
    expect(failures).toEqual([{ file: "b.pdf", error: "the model's answer did not match" }]);
  });

  it("prints the tokens a run spent", () => {
    const meter = new UsageMeter("gpt-test");
    meter.add({ promptTokens: 1_200, completionTokens: 80 });
    meter.add({ promptTokens: 800, completionTokens: 20 });
    expect(formatUsageLine(meter.totals(), 2)).toBe(
      "eval-usage: model=gpt-test calls=2 prompt_tokens=2000 completion_tokens=100 prompt_tokens_per_contract=1000",
    );
  });
});
