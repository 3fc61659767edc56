// The EDGAR stamp each page of a filed exhibit carries ("Source: PF HOSPITALITY GROUP INC.,
// 10-12G, 9/23/2015"; the page number runs into it: "1Source: …"). It names the filer, which
// may be neither party, and sits wherever a page ends: inside a preamble, a signature block, the
// middle of a sentence about the term.
const FILING_STAMP = String.raw`Source:\s[^:\n]{1,150}?,\s*[\w./ -]{1,20}?,\s*\d{1,2}\/\d{1,2}\/\d{2,4}`;
const STAMP = new RegExp(FILING_STAMP, "g");
// With the page number before it and the space after: what a page break leaves in a sentence.
const STAMP_IN_SENTENCE = new RegExp(String.raw`\d*${FILING_STAMP}\s*`, "g");

/** `text` with EDGAR filing stamps replaced by spaces (same length, so offsets hold). */
export function maskFilingStamps(text: string): string {
  return text.replace(STAMP, (stamp) => " ".repeat(stamp.length));
}

/**
 * `text` with its filing stamps (and their page numbers) cut out, to read the words either side
 * of a page break as one sentence ("… through 12Source: EXACT SCIENCES CORP, 8-K, 8/22/2018
 * December 31, 2021" → "… through December 31, 2021"). Offsets do not hold.
 */
export function removeFilingStamps(text: string): string {
  return text.replace(STAMP_IN_SENTENCE, "");
}

// A stamp up to where its date begins: "Source: DOVA PHARMACEUTICALS INC., 10-Q, " before
// "11/8/2018". (The page number runs into it: "1Source: …".)
const STAMP_BEFORE_DATE = /Source:\s[^:]{1,150}?,\s*$/;

/**
 * Whether `text` ends where a filing stamp's date begins: that date dates the filing, not the
 * agreement.
 */
export function endsAtFilingStampDate(text: string): boolean {
  return STAMP_BEFORE_DATE.test(text);
}
