import { NOT_FOUND_DISPLAY } from "../findings";
import { collapseWhitespace } from "../text/collapse-whitespace";
import type { DocumentIndex } from "../text/document-index";
import { MAX_QUOTE_LENGTH } from "../text/make-evidence";

/** Quotes compare after the same whitespace collapse as the document, ignoring case and quote/dash styles. */
function comparable(text: string): string {
  return collapseWhitespace(
    text
      .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, "-"),
  ).toLowerCase();
}

type Evidence = { quote: string; unit: number; unitLabel: string };

function isEvidence(value: unknown): value is Evidence {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.quote === "string" && typeof e.unit === "number";
}

/** True when the quote is really in the unit it cites. */
function quoteIsInUnit(evidence: Evidence, units: Map<number, string>): boolean {
  const text = units.get(evidence.unit);
  const quote = comparable(evidence.quote);
  return text !== undefined && quote.length >= 3 && text.includes(quote);
}

/**
 * The evidence rule for a model's answer — the local engine obeys it by construction: every
 * finding's quote must be words of the unit (page or paragraph) it cites. A finding whose quote
 * is not there becomes "not found"; a list item without a valid quote is dropped. Returns the
 * cleaned section and how many findings were refused.
 */
export function enforceEvidence<T>(
  section: T,
  index: DocumentIndex,
): { section: T; refused: number } {
  const units = new Map(index.units.map((u) => [u.number, comparable(u.text)]));
  let refused = 0;

  const clean = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.flatMap((item) => {
        if (typeof item === "object" && item !== null && "evidence" in item) {
          const evidence = (item as { evidence: unknown }).evidence;
          if (!isEvidence(evidence) || !quoteIsInUnit(evidence, units)) {
            refused++;
            return [];
          }
          return [
            { ...(clean(item) as object), evidence: { ...evidence, unitLabel: index.unitLabel } },
          ];
        }
        return [clean(item)];
      });
    }
    if (typeof node !== "object" || node === null) return node;
    const object = node as Record<string, unknown>;
    if ("evidence" in object && "value" in object) {
      const evidence = object.evidence;
      if (object.value === null) return { ...object, evidence: null };
      if (!isEvidence(evidence) || !quoteIsInUnit(evidence, units)) {
        refused++;
        return { ...object, value: null, display: NOT_FOUND_DISPLAY, evidence: null };
      }
      return { ...object, evidence: { ...evidence, unitLabel: index.unitLabel } };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, clean(v)]));
  };

  return { section: clean(section) as T, refused };
}

/**
 * Models sometimes quote a whole clause; a quote is at most 300 characters. The first 300
 * characters of a verbatim quote are still verbatim, so cut rather than reject.
 */
export function truncateQuotes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(truncateQuotes);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([k, v]) => [
      k,
      k === "quote" && typeof v === "string"
        ? v.slice(0, MAX_QUOTE_LENGTH).trim()
        : truncateQuotes(v),
    ]),
  );
}
