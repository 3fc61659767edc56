import { beforeAll, describe, expect, it } from "vitest";
import type { ChunkFindings } from "@/lib/analysis/chunk-findings";
import { mergeChunkFindings } from "@/lib/analysis/merge-chunk-findings";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { analyzeChunk, identifyContract, runAnalysis } from "@/lib/analysis/run-analysis";
import type { ExtractedText } from "@/lib/analysis/types";
import { planChunks } from "@/lib/jobs/plan-chunks";
import { listContractFiles, loadContract } from "./load-contract";

/** The CUAD text has no page breaks: group its paragraphs into ~2,500-character "pages". */
function paginate(text: ExtractedText): ExtractedText {
  const units: ExtractedText["units"] = [];
  let page = "";
  for (const unit of text.units) {
    page = page ? `${page}\n\n${unit.text}` : unit.text;
    if (page.length >= 2_500) {
      units.push({ index: units.length + 1, text: page });
      page = "";
    }
  }
  if (page) units.push({ index: units.length + 1, text: page });
  return { ...text, kind: "pdf", unitLabel: "page", units, pageCount: units.length };
}

/** What the worker does for a chunked analysis, in process: identify, chunks, merge. */
async function analyzeInChunks(text: ExtractedText, chunkPages: number): Promise<AnalysisResult> {
  const pages = (first: number, last: number): ExtractedText => ({
    ...text,
    units: text.units.filter((u) => u.index >= first && u.index <= last),
  });
  const identification = await identifyContract(pages(1, chunkPages));
  const chunks: ChunkFindings[] = [];
  for (const chunk of planChunks(text.pageCount, chunkPages)) {
    chunks.push(await analyzeChunk(pages(chunk.firstPage, chunk.lastPage), identification));
  }
  return mergeChunkFindings(identification, chunks);
}

/** The fields a reader compares first, as comparable strings. */
function keyFields(r: AnalysisResult): Record<string, string> {
  const id = r.identification;
  return {
    title: String(id.title.value),
    parties: id.parties.map((p) => p.value).join(" | "),
    agreementDate: String(id.agreementDate.value),
    effectiveDate: String(id.effectiveDate.value),
    initialTerm: String(r.term.initialTerm.value),
    expirationDate: String(r.term.expirationDate.value),
    renewalTerm: String(r.term.renewalTerm.value),
    renewalNotice: String(r.term.renewalNoticePeriod.value),
    governingLaw: String(r.keyClauses.governingLaw.value),
    liabilityCap: String(r.keyClauses.liabilityCap.value),
    paymentTerms: String(r.consideration.paymentTerms.value),
    amounts: r.consideration.amounts.map((a) => `${a.currency}:${a.value}`).join(" "),
    signals: r.consideration.variableConsiderationSignals.map((v) => v.evidence?.quote).join(" | "),
    obligations: r.performanceObligations.map((o) => `${o.kind}:${o.party}`).join(" "),
    terminationRights: r.term.terminationRights.map((t) => t.display).join(" | "),
    ...Object.fromEntries(
      Object.entries(r.keyClauses).map(([name, c]) => [name, `${c.display}: ${c.evidence?.quote}`]),
    ),
    riskFlags: r.riskFlags
      .map((f) => f.code)
      .sort()
      .join(","),
  };
}

type Compared = { file: string; pages: number; whole: AnalysisResult; chunked: AnalysisResult };
const compared: Compared[] = [];

beforeAll(async () => {
  for (const file of listContractFiles()) {
    const text = paginate(loadContract(file));
    compared.push({
      file,
      pages: text.pageCount,
      whole: await runAnalysis(text),
      chunked: await analyzeInChunks(text, 5),
    });
  }
}, 60_000);

describe("a chunked analysis (5-page chunks) against the whole document", () => {
  it("splits most of the sample into several chunks", () => {
    expect(compared.filter((c) => c.pages > 10).length).toBeGreaterThanOrEqual(20);
  });

  it("finds the same key terms", () => {
    const differences: string[] = [];
    for (const { file, whole, chunked } of compared) {
      const a = keyFields(whole);
      const b = keyFields(chunked);
      for (const key of Object.keys(a)) {
        if (a[key] !== b[key]) differences.push(`${file} ${key}: ${a[key]} ≠ ${b[key]}`);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe("mergeChunkFindings", () => {
  it("keeps one copy of what two overlapping chunks both found on their shared page", async () => {
    const text = paginate(loadContract(listContractFiles()[0] ?? ""));
    const identification = await identifyContract(text);
    const findings = await analyzeChunk(text, identification);
    // The same chunk twice is the extreme case of overlap: everything is found twice.
    const merged = mergeChunkFindings(identification, [findings, findings]);
    const single = mergeChunkFindings(identification, [findings]);
    expect(merged).toEqual(single);
    expect(merged.consideration.amounts.length).toBe(findings.consideration.amounts.length);
  });

  it("refuses to merge nothing", () => {
    const identification = compared[0]?.whole.identification;
    expect(identification).toBeDefined();
    expect(() => mergeChunkFindings(identification!, [])).toThrow(/at least one chunk/);
  });
});
