import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ExtractedText, TextUnit } from "@/lib/analysis/types";

/** The shared CUAD sample: /work/shared/contracts when the repo is /work/main. */
export const CONTRACTS_DIR = path.resolve(process.cwd(), "../shared/contracts");

export function listContractFiles(): string[] {
  return readdirSync(path.join(CONTRACTS_DIR, "txt"))
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

/** Plain text → ExtractedText the way the extractor does it for .txt: paragraphs as units. */
export function toExtractedText(raw: string): ExtractedText {
  const chunks = raw.includes("\f") ? raw.split("\f") : raw.split(/\r?\n\s*\r?\n/);
  const units: TextUnit[] = [];
  for (const chunk of chunks) {
    if (chunk.trim() === "") continue;
    units.push({ index: units.length + 1, text: chunk });
  }
  return {
    kind: "text",
    unitLabel: "paragraph",
    units,
    pageCount: 1,
    wordCount: raw.split(/\s+/).filter(Boolean).length,
    charCount: raw.length,
  };
}

export function loadContract(file: string): ExtractedText {
  return toExtractedText(readFileSync(path.join(CONTRACTS_DIR, "txt", file), "utf8"));
}
