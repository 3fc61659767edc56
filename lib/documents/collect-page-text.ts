/** One chunk of pdf.js's `page.streamTextContent()`: text items (`str`) and marked-content tags. */
export type TextContentChunk = { items: ReadonlyArray<object> };

export type PageTextBudget = {
  /** Raw characters this page may still bring before the document is over its text limit. */
  maxChars: number;
  /** Text items (runs of glyphs pdf.js could not merge) one page may hold. */
  maxItems: number;
};

export type CollectedPageText =
  | { ok: true; text: string; items: number }
  | { ok: false; over: "chars" | "items" };

/**
 * Reads a page's text chunk by chunk and stops — cancelling the stream, so pdf.js stops
 * inflating and parsing the content stream too — as soon as the page goes over its budget.
 * Checking after a whole page (`getTextContent`) lets one page with a 400 MB content stream
 * allocate gigabytes of text items before any limit is looked at.
 */
export async function collectPageText(
  reader: ReadableStreamDefaultReader<TextContentChunk>,
  budget: PageTextBudget,
): Promise<CollectedPageText> {
  let text = "";
  let items = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, text, items };
      for (const item of value.items) {
        if (!("str" in item) || typeof item.str !== "string") continue;
        items++;
        text += "hasEOL" in item && item.hasEOL ? `${item.str}\n` : item.str;
      }
      if (items > budget.maxItems) {
        await reader.cancel(new Error("too many text items"));
        return { ok: false, over: "items" };
      }
      if (text.length > budget.maxChars) {
        await reader.cancel(new Error("over the text limit"));
        return { ok: false, over: "chars" };
      }
    }
  } finally {
    reader.releaseLock();
  }
}
