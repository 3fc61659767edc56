import { makeFinding, notFound } from "../findings";
import { type DateMatch, findDates } from "../parse/parse-date";
import type { Finding } from "../result-schema";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";
import { dateFinding as finding, type Head } from "./date-finding";
import { findEffectOnSigning } from "./find-effect-on-signing";
import type { Region } from "./find-preamble";
import { findSignatureDate } from "./find-signature-date";
import { findStatedEffectiveDate } from "./find-stated-effective-date";
import { isForeignDate } from "./is-foreign-date";

// The agreement is dated near the top; a date deep in the body is about something else.
const HEAD_FRACTION = 0.3;
const MIN_HEAD = 30_000;

const UNDATED_DISPLAY = "Not dated (left blank or incomplete)";

// A cover page may date the agreement before the preamble; beyond it, dates belong to other
// documents ("Parallel License Agreement dated March 10, 2016").
const COVER_LENGTH = 5000;
const AFTER_PREAMBLE = 300;
const TITLE_PAGE = 600;
// Where a contract says when it takes effect by reference ("shall become effective as of the
// date first above written"): its opening pages. Reading further would make the identification
// of a chunked analysis (read from its first chunk) differ from the whole document's; a clause
// deeper in the body is left unread.
const OPENING_LENGTH = 10_000;
// "EFFECTIVE DATE JUNE 1, 1998" on a cover page labels when the agreement takes effect; when it
// was made is the preamble's or the signature block's date ("Date: May 5, 1998").
const EFFECTIVE_LABEL_BEFORE = /\beffective\s+date\s*:?\s*$/i;
const SIGNED_LABEL_BEFORE =
  /(?<!\b(?:effective|commencement|expiration|termination|closing|start|end)\s+)\bdate(?:d|\s+signed)?\s*:\s*$/i;
const BLANK_DATE =
  /\b(?:dated|made|entered\s+into|executed)\b[^.()]{0,40}?(?:as\s+of|on|this)?\s*(?:the\s+)?(?:\[\s*[•_ .]*\s*\]|_{2,}|•)/i;
// "THIS AGREEMENT made this 30th day of April (the "Effective Date")": a day and month without
// a year do not date the agreement, and CUAD labels none, whatever date the body gives.
const YEARLESS_DATE =
  /\b(?:dated|made|entered\s+into|executed)\b[^.()]{0,40}?(?:as\s+of|on|this)?\s*(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+day\s+of\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)\b(?!\s*,?\s*(?:of\s+|in\s+the\s+year\s+)?(?:\d{2,4}(?!\d)|two\b|nineteen\b|\[|_))/i;
const DATED_BEFORE =
  /\b(?:dated|made|entered\s+into|executed|effective|signed)\b[^.()]{0,40}?(?:as\s+of|on|this)?\s*(?:the\s+)?[_\s]*$/i;

/**
 * A contract that takes effect when it is dated or signed ("shall become effective on the date
 * first above written") has the agreement date as its effective date; the sentence that says so
 * is the evidence. Without such a sentence no effective date is stated: CUAD leaves it empty.
 */
function effectOnSigning(ctx: ScanContext, head: Head, agreementDate: Finding): Finding {
  if (agreementDate.value === null) return notFound();
  const sentence = findEffectOnSigning(
    ctx.index.sentences.filter((s) => s.start < Math.min(head.text.length, OPENING_LENGTH)),
  );
  if (!sentence) return notFound();
  const evidence = evidenceAt(ctx.index, sentence.start, sentence.start + sentence.text.length);
  return evidence ? makeFinding(agreementDate.value, agreementDate.display, evidence) : notFound();
}

/**
 * No date, with the words that leave it blank or incomplete as evidence: the contract states
 * that it is undated, so no later reading (the closing signature block) dates it.
 */
function undated(ctx: ScanContext, start: number, end: number): Finding {
  const evidence = evidenceAt(ctx.index, start, end);
  return { value: null, display: UNDATED_DISPLAY, evidence };
}

/**
 * The date the preamble introduces ("entered into as of …"), else a cover-page "made …" date,
 * else the preamble's first date; failing those, an effective-date label just after the
 * preamble, then the signature block.
 */
function findAgreementDate(ctx: ScanContext, head: Head, preamble: Region | null): Finding {
  const { flat } = ctx.index;
  const text = preamble ? flat.slice(preamble.start, preamble.end) : "";
  const offset = preamble?.start ?? 0;
  const dates = findDates(text).filter((d) => !isForeignDate(text, d));
  const effectiveLabel = (d: DateMatch) =>
    EFFECTIVE_LABEL_BEFORE.test(text.slice(Math.max(0, d.start - 20), d.start));
  // A date the preamble's own words introduce beats a bare date above it (a cover page's
  // "May 04, 2017" that the region's look-behind took in).
  const introduced = dates.find(
    (d) => DATED_BEFORE.test(text.slice(Math.max(0, d.start - 60), d.start)) && !effectiveLabel(d),
  );
  // "dated as of [•], 2020", "made this ____ day of ______, 20__": a form left undated has no
  // agreement date (CUAD labels the blank as absent), whatever else the page says.
  const blank = BLANK_DATE.exec(text) ?? YEARLESS_DATE.exec(text);
  if (blank && blank.index < (introduced?.start ?? Number.POSITIVE_INFINITY)) {
    return undated(ctx, offset + blank.index, offset + blank.index + blank[0].length);
  }
  if (introduced) return finding(ctx, introduced, offset);
  // "THIS AGREEMENT, made and entered into this 18th day of April 2000" above a region that
  // only mentions dates in passing.
  const coverEnd = preamble ? preamble.start : COVER_LENGTH;
  for (const date of head.dates) {
    if (date.start >= coverEnd) break;
    if (isForeignDate(head.text, date)) continue;
    const before = head.text.slice(Math.max(0, date.start - 60), date.start);
    if (DATED_BEFORE.test(before)) return finding(ctx, date, 0);
  }
  const bare = dates.find((d) => !effectiveLabel(d));
  if (bare) return finding(ctx, bare, offset);
  const [labelled] = dates;
  if (labelled) {
    for (const date of head.dates) {
      if (SIGNED_LABEL_BEFORE.test(head.text.slice(Math.max(0, date.start - 30), date.start))) {
        return finding(ctx, date, 0);
      }
    }
    return finding(ctx, labelled, offset);
  }
  // "… (collectively “Parties”). EFFECTIVE DATE: February 10, 2012" closes some preambles.
  if (preamble) {
    for (const date of head.dates) {
      if (date.start < preamble.end) continue;
      if (date.start > preamble.end + AFTER_PREAMBLE) break;
      const before = head.text.slice(Math.max(0, date.start - 20), date.start);
      if (EFFECTIVE_LABEL_BEFORE.test(before)) return finding(ctx, date, 0);
    }
  }
  // A title page dated under its title: "REMARKETING AGREEMENT August 26, 2014".
  const top = head.dates.find((d) => d.start < TITLE_PAGE && !isForeignDate(head.text, d));
  if (top && top.start < (preamble?.start ?? TITLE_PAGE)) return finding(ctx, top, 0);
  // No date at the top: the signature block dates the agreement ("Date: May 5, 1998") when it
  // lies in the head, as the whole of a contract up to MIN_HEAD characters does. (Reading the
  // end of longer ones would make a chunked analysis, identified from its first chunk, differ.)
  const signed = findSignatureDate(head.text);
  return signed ? finding(ctx, signed.date, signed.offset) : notFound();
}

/** A date the closing signature block gives, and whether a witness clause introduced it. */
export type ClosingSignature = { date: Finding; witnessed: boolean };

/**
 * The signature block at the end of the text: the last witness clause's date, else a date
 * labelled or signed in the closing part. Identification reads only the top of a contract (a
 * chunked analysis identifies from its first chunk); this is read over the whole text, or each
 * chunk's, and dates an agreement the top left undated (`dateFromClosingSignature`).
 */
export function findClosingSignatureDate(ctx: ScanContext): ClosingSignature | null {
  const signed = findSignatureDate(ctx.index.flat);
  if (!signed) return null;
  const date = finding(ctx, signed.date, signed.offset);
  return date.value === null ? null : { date, witnessed: signed.witnessed };
}

export function findKeyDates(
  ctx: ScanContext,
  preamble: Region | null,
): { agreementDate: Finding; effectiveDate: Finding } {
  const { flat } = ctx.index;
  const text = flat.slice(0, Math.max(MIN_HEAD, Math.floor(flat.length * HEAD_FRACTION)));
  const head: Head = { text, dates: findDates(text) };
  const agreementDate = findAgreementDate(ctx, head, preamble);
  return {
    agreementDate,
    effectiveDate: findStatedEffectiveDate(ctx, head) ?? effectOnSigning(ctx, head, agreementDate),
  };
}
