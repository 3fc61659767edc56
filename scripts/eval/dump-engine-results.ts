// Proves a refactor leaves the engine's output unchanged: md5 of this script's stdout before and after.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { createRulesEngine } from "@/lib/analysis/select-analysis-steps";
import type { ExtractedText } from "@/lib/analysis/types";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { readCuadLabels } from "@/scripts/eval/read-cuad-labels";
import { readPdfText } from "@/scripts/eval/read-pdf-text";

// `npx tsx scripts/eval/dump-engine-results.ts [DIR …]`; by default ../shared/contracts and
// ../shared/contracts-more (from a worktree under wt/, ../../shared).
const shared = ["..", "../.."].map((up) => path.resolve(up, "shared")).find(existsSync) ?? "";
const args = process.argv.slice(2);
const DIRS = (
  args.length > 0 ? args : ["contracts", "contracts-more"].map((d) => path.join(shared, d))
).map((d) => path.resolve(d));
const { steps } = createRulesEngine();

async function dump(name: string, read: () => Promise<ExtractedText>): Promise<void> {
  try {
    const result = await runAnalysis(await read(), { steps });
    console.log(`${name}\t${JSON.stringify(result)}`);
  } catch (error) {
    console.log(`${name}\terror: ${(error as Error).message}`);
  }
}

for (const dir of DIRS) {
  // Each CUAD text file as a plain-text upload.
  for (const file of readdirSync(path.join(dir, "txt")).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(dir, "txt", file)));
    await dump(`txt/${file}`, () => extractDocumentText(bytes, "text"));
  }
  // Each labelled PDF read as `npm run eval` reads it (the `--text-cache` copy once extracted).
  const labels = readCuadLabels(readFileSync(path.join(dir, "labels.csv"), "utf8"));
  for (const pdfFile of labels.map((l) => l.pdfFile).sort()) {
    await dump(`pdf/${pdfFile}`, () => readPdfText(path.join(dir, "pdf", pdfFile), true));
  }
}
