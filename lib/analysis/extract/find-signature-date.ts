import { type DateMatch, findDates } from "../parse/parse-date";
import { isForeignDate } from "./is-foreign-date";

// "IN WITNESS WHEREOF, the parties have executed this Agreement as of this 4th day of April,
// 2003." opens the signature block; its dates ("Date: May 5, 1998", "Rome/Houston, 2 April
// 2020") say when the agreement was signed. (Not "executed by IBM on August 3, 2001": that
// recites another document.)
const WITNESS = /\bIN\s+WITNESS\s+(?:WHEREOF|THEREOF|HEREOF)\b/gi;
// A signature block runs a page or so; dates further on belong to exhibits.
const BLOCK_LENGTH = 2000;
// With no witness clause, a labelled "Date: …" near the end still dates the signatures.
const DATE_LABEL = /\b(?:date(?:d)?|date\s+signed)\s*:\s*$|\(\s*date\s*\)\s*$/i;
const DATE_LABEL_AFTER = /^\s*\(\s*date\s*\)/i;
const TAIL_FRACTION = 0.35;
const MIN_TAIL = 3000;

// A date next to a signature: "/s/ John Dick General Manager … 19 Jan. 1998", "Rao Cheng
// (signature) June 25, 2014", "Authorized Signature Maura Lynch Gray 1/14/02". Some filings
// type the conformed mark with backslashes: "\s\ John Dick".
const SIGNATURE_MARK = /\/s\/|\\s\\|\(\s*signature\s*\)|\bsignature\b/i;

// When the parties sign on different days the agreement is made on the last signature.
function latest(dates: readonly DateMatch[]): DateMatch | undefined {
  return dates.reduce<DateMatch | undefined>((a, d) => (a && a.iso >= d.iso ? a : d), undefined);
}

/** `witnessed`: found after a witness clause (else labelled or signed in the closing part). */
export type SignatureDate = { date: DateMatch; offset: number; witnessed: boolean };

/** The date the signature block gives, with the offset of `date` in `flat`. */
export function findSignatureDate(flat: string): SignatureDate | null {
  const witnesses = [...flat.matchAll(WITNESS)];
  // The last witness clause is the agreement's own; earlier ones may close recited forms.
  for (const witness of witnesses.reverse()) {
    const offset = witness.index;
    const block = flat.slice(offset, offset + BLOCK_LENGTH);
    const date = latest(findDates(block).filter((d) => !isForeignDate(block, d)));
    if (date) return { date, offset, witnessed: true };
  }
  const offset = Math.max(
    0,
    Math.min(flat.length - MIN_TAIL, Math.floor(flat.length * (1 - TAIL_FRACTION))),
  );
  const tail = flat.slice(offset);
  const signed = findDates(tail).filter((date) => {
    if (isForeignDate(tail, date)) return false;
    const before = tail.slice(Math.max(0, date.start - 20), date.start);
    const after = tail.slice(date.end, date.end + 12);
    return (
      DATE_LABEL.test(before) ||
      DATE_LABEL_AFTER.test(after) ||
      SIGNATURE_MARK.test(tail.slice(Math.max(0, date.start - 100), date.start))
    );
  });
  const date = latest(signed);
  return date ? { date, offset, witnessed: false } : null;
}
