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
// "EFFECTIVE DATE JUNE 1, 1998" on a cover page labels when the agreement takes effect; when it
// was made is the preamble's or the signature block's date ("Date: May 5, 1998").
const EFFECTIVE_LABEL_BEFORE = /\beffective\s+date\s*:?\s*$/i;
const SIGNED_LABEL_BEFORE =
  /(?<!\b(?:effective|commencement|expiration|termination|closing|start|end)\s+)\bdate(?:d|\s+signed)?\s*:\s*$/i;
const DATED_BEFORE =
  /\b(?:dated|made|entered\s+into|executed|effective|signed)\b[^.()]{0,40}?(?:as\s+of|on|this)?\s*(?:the\s+)?[_\s]*$/i;
// With no effective date stated, the term's start is when the agreement takes effect: "The term
// … shall commence upon April 1, 1999", "The commencement date for this contract will be …".
const COMMENCES_BEFORE =
  /\b(?:term\b[^.]{0,80}?\b(?:shall\s+|will\s+)?commence\w*|commencement\s+date\b[^.]{0,40}?\b(?:is|will\s+be|shall\s+be))\s+(?:on\s+|upon\s+|as\s+of\s+|from\s+)?(?:the\s+)?[_\s]*$/i;
const EFFECTIVE_DATE_MEANS = /["“]effective\s+date["”]\s+(?:shall\s+)?means?\b/i;

function finding(ctx: ScanContext, date: DateMatch, offset: number): Finding {
  const evidence = evidenceAt(ctx.index, offset + date.start, offset + date.end);
  return evidence ? makeFinding(date.iso, formatIsoDate(date.iso), evidence) : notFound();
}

type Head = { text: string; dates: DateMatch[] };

/** A date the head labels as the effective date, else a definition, else the term's start. */
function findEffectiveDate(ctx: ScanContext, head: Head): Finding {
  for (const date of head.dates) {
    ctx.signal?.throwIfAborted();
    const after = head.text.slice(date.end, date.end + 120);
    const before = head.text.slice(Math.max(0, date.start - 40), date.start);
    if (DEFINES_EFFECTIVE_DATE.test(after) || EFFECTIVE_BEFORE.test(before)) {
      return finding(ctx, date, 0);
    }
  }
  for (const sentence of ctx.index.sentences) {
    ctx.signal?.throwIfAborted();
    const means = EFFECTIVE_DATE_MEANS.exec(sentence.text);
    if (!means) continue;
    const date = findDates(sentence.text.slice(means.index))[0];
    if (date) return finding(ctx, date, sentence.start + means.index);
  }
  for (const date of head.dates) {
    ctx.signal?.throwIfAborted();
    if (COMMENCES_BEFORE.test(head.text.slice(Math.max(0, date.start - 120), date.start))) {
      return finding(ctx, date, 0);
    }
  }
  return notFound();
}

/** The preamble's first date, else a cover-page "dated …" date before the preamble. */
function findAgreementDate(ctx: ScanContext, head: Head, preamble: Region | null): Finding {
  const { flat } = ctx.index;
  let labelled: Finding | null = null;
  if (preamble) {
    const text = flat.slice(preamble.start, preamble.end);
    for (const date of findDates(text)) {
      const before = text.slice(Math.max(0, date.start - 20), date.start);
      if (!EFFECTIVE_LABEL_BEFORE.test(before)) return finding(ctx, date, preamble.start);
      labelled ??= finding(ctx, date, preamble.start);
    }
  }
  const coverEnd = preamble ? preamble.start : COVER_LENGTH;
  for (const date of head.dates) {
    if (date.start >= coverEnd) break;
    const before = head.text.slice(Math.max(0, date.start - 60), date.start);
    if (DATED_BEFORE.test(before)) return finding(ctx, date, 0);
  }
  if (labelled) {
    for (const date of head.dates) {
      if (SIGNED_LABEL_BEFORE.test(head.text.slice(Math.max(0, date.start - 30), date.start))) {
        return finding(ctx, date, 0);
      }
    }
  }
  return labelled ?? notFound();
}

export function findKeyDates(
  ctx: ScanContext,
  preamble: Region | null,
): { agreementDate: Finding; effectiveDate: Finding } {
  const { flat } = ctx.index;
  const text = flat.slice(0, Math.max(MIN_HEAD, Math.floor(flat.length * HEAD_FRACTION)));
  const head: Head = { text, dates: findDates(text) };
  return {
    agreementDate: findAgreementDate(ctx, head, preamble),
    effectiveDate: findEffectiveDate(ctx, head),
  };
}
