// A period after a short word inside a sentence ("12:01 a.m., Eastern Time", "Corio Inc. and
// …", "U.S. law") does not end it, but it stops the `[^.]` spans that keep a pattern within one
// sentence. Masked with a space, so every offset into the text stays the same.
const SHORT_WORD_BEFORE = /(?:^|[^A-Za-z])[A-Za-z]{1,4}$/;
const CONTINUES_AFTER = /[\s,;]*[a-z,;]|[A-Za-z]\./y;

/** `text` with periods that end abbreviations replaced by spaces (same length). */
export function maskInnerDots(text: string): string {
  let out: string[] | null = null;
  for (let i = text.indexOf("."); i !== -1; i = text.indexOf(".", i + 1)) {
    CONTINUES_AFTER.lastIndex = i + 1;
    if (!CONTINUES_AFTER.test(text) || !SHORT_WORD_BEFORE.test(text.slice(Math.max(0, i - 5), i))) {
      continue;
    }
    out ??= text.split("");
    out[i] = " ";
  }
  return out ? out.join("") : text;
}
