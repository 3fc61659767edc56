import { DocumentError } from "@/lib/errors";
import { collapseWhitespace } from "../text/collapse-whitespace";
import type { DocumentIndex } from "../text/document-index";
import type { ExtractedText } from "../types";

/**
 * The contract text one prompt may carry: about 100k tokens, within a typical context window.
 * A chunked PDF sends one chunk (41 pages) per prompt; anything else is sent whole.
 */
export const MAX_PROMPT_CHARS = 400_000;

/** What a prompt reads of a document: its non-empty units, whitespace collapsed (`DocumentIndex`). */
type PromptUnits = Pick<DocumentIndex, "unitLabel"> & {
  units: readonly Pick<DocumentIndex["units"][number], "number" | "text">[];
};

/** The document as the model reads it: every unit under its `[page N]` / `[paragraph N]` marker. */
function formatPromptDocument(index: PromptUnits): string {
  return index.units
    .map((unit) => `[${index.unitLabel} ${unit.number}]\n${unit.text}\n\n`)
    .join("");
}

function tooLongForModel(chars: number, index: PromptUnits): DocumentError {
  const first = index.units[0]?.number;
  const last = index.units.at(-1)?.number;
  const where =
    index.unitLabel === "page" && first !== undefined && last !== undefined
      ? ` on pages ${first}–${last}`
      : "";
  return new DocumentError(
    "too_long_for_model",
    `This document has more text than the analysis model reads at once (${chars.toLocaleString("en-US")} characters${where}; the limit is ${MAX_PROMPT_CHARS.toLocaleString("en-US")}). Split it into smaller documents and upload them separately.`,
  );
}

/**
 * The contract text of a prompt. Throws (a DocumentError: never retried, nothing charged) rather
 * than cut it, so a model never answers about a silent prefix of the document.
 */
export function promptDocumentText(index: PromptUnits): string {
  const text = formatPromptDocument(index);
  if (text.length > MAX_PROMPT_CHARS) throw tooLongForModel(text.length, index);
  return text;
}

/**
 * Throws as `promptDocumentText` would when `text` is sent in one prompt (the upload's check),
 * without the sentence index the steps build.
 */
export function assertFitsOnePrompt(text: ExtractedText): void {
  const units = text.units
    .map((unit) => ({ number: unit.index, text: collapseWhitespace(unit.text) }))
    .filter((unit) => unit.text !== "");
  promptDocumentText({ unitLabel: text.unitLabel, units });
}
