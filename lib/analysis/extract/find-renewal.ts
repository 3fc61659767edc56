import { makeFinding, notFound } from "../findings";
import { type DurationMatch, describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding, RenewalTerm } from "../result-schema";
import type { Sentence } from "../text/document-index";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

const RENEWAL = /\brenew(?:s|ed|al)?\b|\bextended\s+(?:automatically|for)\b|\bevergreen\b/i;
const AUTOMATIC =
  /\bautomatic(?:ally)?\b|\b(?:shall|will)\s+(?:be\s+)?(?:automatically\s+)?(?:renew(?:ed)?|extended)\b|\bevergreen\b|\bunless\s+(?:either|one|a)\s+party\b[^.]{0,120}\bnotice\b/i;
const OPTIONAL =
  /\b(?:option\b|may\s+(?:mutually\s+)?agree|may\s+(?:be\s+)?(?:renew(?:ed)?|extend(?:ed)?)|by\s+mutual\s+(?:written\s+)?(?:agreement|consent)|upon\s+mutual|if\s+(?:both|the)\s+parties\s+agree)\b/i;
// "ninety (90) days prior written notice", "notice … at least 30 days before".
const NOTICE_AFTER =
  /^\s*(?:['’]s?\s*)?(?:\([^)]*\)\s*)?(?:prior|before|in\s+advance|advance|(?:prior\s+)?written\s+notice|notice)/i;
const NOTICE_BEFORE =
  /(?:notice|notify|notifies|notification)\b[^.]{0,60}(?:at\s+least|no\s+(?:less|later)\s+than|not\s+(?:less|later)\s+than|within|minimum\s+of)?\s*$/i;
const EXPIRY_CONTEXT = /renew|expir|then[- ]current|end\s+of\s+the\s+(?:initial\s+|then\s+)?term/i;
// Notice tied to the end of a term, wherever it sits (often in the termination section).
const BEFORE_TERM_END =
  /(?:prior\s+to|before)\s+(?:the\s+)?(?:expiration|expiry|end)\s+of\s+(?:the\s+|this\s+|such\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:term|period|agreement)/i;

function isNoticeDuration(text: string, d: DurationMatch): boolean {
  const after = text.slice(d.end, d.end + 40);
  const before = text.slice(Math.max(0, d.start - 80), d.start);
  return NOTICE_AFTER.test(after) || NOTICE_BEFORE.test(before);
}

// Renewal lengths said without a number.
const IMPLIED_DURATIONS: { pattern: RegExp; amount: number; unit: "Y" | "M" }[] = [
  { pattern: /\b(?:annual(?:ly)?|year[- ]to[- ]year|yearly)\b/i, amount: 1, unit: "Y" },
  { pattern: /\b(?:monthly|month[- ]to[- ]month)\b/i, amount: 1, unit: "M" },
];
const SAME_AS_INITIAL =
  /\bsame\s+(?:duration|length|period)|\blike\s+(?:period|term)|\bequal\s+(?:in\s+length|period)/i;

function impliedDuration(text: string, initialTerm: string | null): DurationMatch | null {
  for (const { pattern, amount, unit } of IMPLIED_DURATIONS) {
    const m = pattern.exec(text);
    if (m) {
      const end = m.index + m[0].length;
      return { start: m.index, end, raw: m[0], amount, unit, iso: `P${amount}${unit}` };
    }
  }
  const same = SAME_AS_INITIAL.exec(text);
  const parsed = initialTerm ? /^P(\d+)([YMWD])$/.exec(initialTerm) : null;
  if (same && parsed) {
    const end = same.index + same[0].length;
    const unit = parsed[2] as DurationMatch["unit"];
    const amount = Number(parsed[1]);
    return { start: same.index, end, raw: same[0], amount, unit, iso: `P${amount}${unit}` };
  }
  return null;
}

function renewalDuration(text: string, initialTerm: string | null): DurationMatch | null {
  const renewAt = text.search(RENEWAL);
  for (const d of findDurations(text)) {
    if (isNoticeDuration(text, d)) continue;
    // Durations before the renewal wording are usually the initial term.
    if (d.end < renewAt && !/successive|additional|renewal/i.test(text.slice(d.end, d.end + 40))) {
      continue;
    }
    return d;
  }
  return impliedDuration(text, initialTerm);
}

function automaticFor(text: string): boolean | null {
  if (AUTOMATIC.test(text)) return true;
  if (OPTIONAL.test(text)) return false;
  return null;
}

function noticeIn(ctx: ScanContext, sentence: Sentence): Finding | null {
  if (!EXPIRY_CONTEXT.test(sentence.text)) return null;
  for (const d of findDurations(sentence.text)) {
    if (!isNoticeDuration(sentence.text, d)) continue;
    const start = sentence.start + d.start;
    return makeFinding(
      d.iso,
      `${describeDuration(d.iso)} before the term ends`,
      evidenceInSentence(ctx.index, sentence, start, sentence.start + d.end),
    );
  }
  return null;
}

export type RenewalFindings = { renewalTerm: RenewalTerm; renewalNoticePeriod: Finding };

/**
 * Renewal length, whether it is automatic, and the notice needed to stop it. `initialTerm` (ISO
 * duration) resolves "renews for successive terms of the same duration".
 */
export function findRenewal(ctx: ScanContext, initialTerm: string | null): RenewalFindings {
  let best: { sentence: Sentence; duration: DurationMatch; automatic: boolean | null } | null =
    null;
  let renewalNoticePeriod: Finding | null = null;
  let fallbackNotice: Finding | null = null;
  let previousWasRenewal = false;
  for (const sentence of eachSentence(ctx)) {
    const isRenewal = RENEWAL.test(sentence.text);
    if (isRenewal && !(best && best.automatic === true)) {
      const duration = renewalDuration(sentence.text, initialTerm);
      const automatic = automaticFor(sentence.text);
      // An automatic renewal beats an optional one found earlier.
      if (duration && (!best || (automatic === true && best.automatic !== true))) {
        best = { sentence, duration, automatic };
      }
    }
    // The notice period is often in the renewal sentence or the one right after it.
    if (!renewalNoticePeriod && (isRenewal || previousWasRenewal)) {
      renewalNoticePeriod = noticeIn(ctx, sentence);
    }
    if (!fallbackNotice && BEFORE_TERM_END.test(sentence.text)) {
      fallbackNotice = noticeIn(ctx, sentence);
    }
    previousWasRenewal = isRenewal;
  }
  if (!best) {
    return {
      renewalTerm: { ...notFound(), automatic: null },
      renewalNoticePeriod: renewalNoticePeriod ?? notFound(),
    };
  }
  renewalNoticePeriod ??= fallbackNotice;
  const { sentence, duration, automatic } = best;
  const successive = /successive|each|additional/i.test(sentence.text) ? "successive " : "";
  const lead =
    automatic === true ? "Renews automatically" : automatic === false ? "May be renewed" : "Renews";
  return {
    renewalTerm: {
      ...makeFinding(
        duration.iso,
        `${lead} for ${successive}periods of ${describeDuration(duration.iso)}`,
        evidenceInSentence(
          ctx.index,
          sentence,
          sentence.start + duration.start,
          sentence.start + duration.end,
        ),
      ),
      automatic,
    },
    renewalNoticePeriod: renewalNoticePeriod ?? notFound(),
  };
}
