import { describe, expect, it } from "vitest";
import { findingSections, locateQuote } from "@/components/analyses/finding-rows";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { listContractFiles, loadContract } from "./load-contract";

describe("locateQuote", () => {
  it("finds a quote across line breaks and runs of spaces, case-insensitively", () => {
    const text =
      "Section 9.\nThis Agreement shall be governed\n  by the laws of the\nState of Delaware.";
    const at = locateQuote(text, "shall be governed by the laws of the State of Delaware");
    expect(at).not.toBeNull();
    expect(text.slice(at!.start, at!.end)).toBe(
      "shall be governed\n  by the laws of the\nState of Delaware",
    );
    expect(locateQuote(text, "GOVERNED BY")).not.toBeNull();
  });

  it("treats regex characters in quotes as text and says null when the quote is absent", () => {
    expect(
      locateQuote("a fee of $1,000 (one thousand) [net]", "$1,000 (one thousand) [net]"),
    ).not.toBeNull();
    expect(locateQuote("nothing here", "governed by")).toBeNull();
    expect(locateQuote("anything", "   ")).toBeNull();
  });
});

describe("findingSections", () => {
  it("lists every finding of a real result with its evidence, and every quote is in its unit", async () => {
    const text = loadContract(listContractFiles()[0] ?? "");
    const result = await runAnalysis(text);
    const sections = findingSections(result);
    expect(sections.map((s) => s.title)).toEqual(
      expect.arrayContaining(["The contract", "Term and termination", "Key clauses"]),
    );
    const rows = sections.flatMap((s) => s.rows);
    expect(rows.find((r) => r.id === "governing-law")?.display).toBe(
      result.keyClauses.governingLaw.display,
    );
    for (const row of rows.filter((r) => r.evidence)) {
      const unit = text.units.find((u) => u.index === row.evidence?.unit);
      expect(locateQuote(unit?.text ?? "", row.evidence?.quote ?? ""), row.id).not.toBeNull();
    }
  });
});
