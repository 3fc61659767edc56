import { describe, expect, it } from "vitest";
import { collectPageText, type TextContentChunk } from "@/lib/documents/collect-page-text";

/** A stream of `chunks` text chunks that records how many were pulled and whether it was cancelled. */
function textStream(chunks: number, itemsPerChunk: number, str = "word ") {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<TextContentChunk>({
    pull(controller) {
      if (seen.pulled === chunks) {
        controller.close();
        return;
      }
      seen.pulled++;
      controller.enqueue({
        items: Array.from({ length: itemsPerChunk }, (_, i) => ({
          str,
          hasEOL: i === itemsPerChunk - 1,
        })),
      });
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { reader: stream.getReader(), seen };
}

describe("collectPageText — limits applied while the page is read", () => {
  it("returns a page's text, a line break where pdf.js saw one", async () => {
    const { reader, seen } = textStream(2, 2, "ab");
    const result = await collectPageText(reader, { maxChars: 100, maxItems: 100 });
    expect(result).toEqual({ ok: true, text: "abab\nabab\n", items: 4 });
    expect(seen.cancelled).toBe(false);
  });

  it("stops and cancels the stream as soon as the text passes the budget", async () => {
    const { reader, seen } = textStream(1_000_000, 10);
    const result = await collectPageText(reader, { maxChars: 1_000, maxItems: 1_000_000 });
    expect(result).toEqual({ ok: false, over: "chars" });
    expect(seen.cancelled).toBe(true);
    // 10 items of 5 characters per chunk: the 21st chunk is the first over 1,000 characters.
    expect(seen.pulled).toBeLessThanOrEqual(22);
  });

  it("stops on the number of text items even when they hold no characters", async () => {
    const { reader, seen } = textStream(1_000_000, 100, "");
    const result = await collectPageText(reader, { maxChars: 1_000, maxItems: 5_000 });
    expect(result).toEqual({ ok: false, over: "items" });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(52);
  });

  it("ignores marked-content entries, which are not text", async () => {
    const stream = new ReadableStream<TextContentChunk>({
      start(controller) {
        controller.enqueue({ items: [{ type: "beginMarkedContent" }, { str: "Term" }] });
        controller.close();
      },
    });
    const result = await collectPageText(stream.getReader(), { maxChars: 10, maxItems: 1 });
    expect(result).toEqual({ ok: true, text: "Term", items: 1 });
  });
});
