import { makeFinding, notFound } from "../findings";
import { type DateMatch, findDates, formatIsoDate } from "../parse/parse-date";
import type { Finding } from "../result-schema";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";
import type { Region } from "./find-preamble";

// The agreement is dated near the top; a date deep in the body is about something else.
const HEAD_FRACTION = 0.3;
const MIN_HEAD = 30_000;

const DEFINES_EFFECTIVE_DATE =
  /^[^()]{0,60}\(\s*(?:the\s+|hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?(?:the\s+)?)?["“]?effective\s+date/i;
const EFFECTIVE_BEFORE =
  /\beffective\s+(?:date\s*:?\s*|as\s+of\s+|on\s+|from\s+)?(?:the\s+)?(?:this\s+)?[_\s]*$/i;
// A cover page may date the agreement before the preamble; beyond it, dates belong to other
// documents ("Parallel License Agreement dated March 10, 2016").
const COVER_LENGTH = 5000;
const DATED_BEFORE =
  /\b(?:dated|made|entered\s+into|executed|effective|signed)\b[^.()]{0,40}?(?:as\s+of|on|this)?\s*(?:the\s+)?[_\s]*$/i;
const EFFECTIVE_DATE_MEANS = /["“]effective\s+date["”]\s+(?:shall\s+)?means?\b/i;

function finding(ctx: ScanContext, date: DateMatch, offset: number): Finding {
  const evidence = evidenceAt(ctx.index, offset + date.start, offset + date.end);
  return evidence ? makeFinding(date.iso, formatIsoDate(date.iso), evidence) : notFound();
}

export function findKeyDates(
  ctx: ScanContext,
  preamble: Region | null,
): { agreementDate: Finding; effectiveDate: Finding } {
  const { flat } = ctx.index;
  const headEnd = Math.max(MIN_HEAD, Math.floor(flat.length * HEAD_FRACTION));
  const head = flat.slice(0, headEnd);
  const headDates = findDates(head);

  let effectiveDate = notFound();
  for (const date of headDates) {
    ctx.signal?.throwIfAborted();
    const after = head.slice(date.end, date.end + 120);
    const before = head.slice(Math.max(0, date.start - 40), date.start);
    if (DEFINES_EFFECTIVE_DATE.test(after) || EFFECTIVE_BEFORE.test(before)) {
      effectiveDate = finding(ctx, date, 0);
      break;
    }
  }
  if (effectiveDate.value === null) {
    for (const sentence of ctx.index.sentences) {
      ctx.signal?.throwIfAborted();
      const means = EFFECTIVE_DATE_MEANS.exec(sentence.text);
      if (!means) continue;
      const date = findDates(sentence.text.slice(means.index))[0];
      if (date) {
        effectiveDate = finding(ctx, date, sentence.start + means.index);
        break;
      }
    }
  }

  let agreementDate = notFound();
  if (preamble) {
    const text = flat.slice(preamble.start, preamble.end);
    const date = findDates(text)[0];
    if (date) agreementDate = finding(ctx, date, preamble.start);
  }
  if (agreementDate.value === null) {
    const coverEnd = preamble ? preamble.start : COVER_LENGTH;
    for (const date of headDates) {
      if (date.start >= coverEnd) break;
      const before = head.slice(Math.max(0, date.start - 60), date.start);
      if (DATED_BEFORE.test(before)) {
        agreementDate = finding(ctx, date, 0);
        break;
      }
    }
  }
  return { agreementDate, effectiveDate };
}
