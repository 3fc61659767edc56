const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b";

// A superscript ordinal ("14ᵗʰ") is a few pixels high in a scan, and tesseract often reads it as
// one or two stray glyphs: "April 14¢, 2020", "the 20'\" day of May", "dated 16\" June 2004".
// Only glyphs between a day number and a year, "day" or a month name are dropped; nothing else is
// touched.
const STRAY_SUPERSCRIPT = new RegExp(
  `(?<=(?<!\\d)\\d{1,2})[¢‘’'"“”°®™*^\`~©§]{1,2}(?=,?\\s+(?:\\d{4}(?!\\d)|day\\b|${MONTH}))`,
  "gi",
);

// In typewriter and monospaced faces a "1" and an "l" differ by a serif: "successive l-year
// periods". A lone "l" joined to a unit of time is never a word.
const ONE_READ_AS_L = /(?<![\p{L}\d])l(?=-(?:year|month|week|day)s?\b)/giu;

/**
 * Mends what OCR predictably gets wrong in contract text and the engine would then miss. Applied
 * to a page's recognised text; the word boxes keep what tesseract read. Idempotent.
 */
export function repairOcrText(text: string): string {
  return text.replace(STRAY_SUPERSCRIPT, "").replace(ONE_READ_AS_L, "1");
}
