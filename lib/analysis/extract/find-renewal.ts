import { makeFinding, notFound } from "../findings";
import { type DurationMatch, describeDuration, findDurations } from "../parse/parse-duration";
import type { Finding, RenewalTerm } from "../result-schema";
import type { Sentence } from "../text/document-index";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findRenewalDuration, isNoticeDuration, RENEWAL } from "./find-renewal-duration";
import { isNonRenewalNotice, type RenewalSentence } from "./is-non-renewal-notice";

const AUTOMATIC =
  /\bautomatic(?:ally)?\b|\b(?:shall|will)\s+(?:be\s+)?(?:automatically\s+)?(?:renew(?:ed)?|extended)\b|\bevergreen\b|\bunless\s+(?:either|one|a)\s+party\b[^.]{0,120}\bnotice\b/i;
const OPTIONAL =
  /\b(?:option\b|may\s+(?:mutually\s+)?agree|may\s+(?:be\s+)?(?:renew(?:ed)?|extend(?:ed)?)|by\s+mutual\s+(?:written\s+)?(?:agreement|consent)|upon\s+mutual|if\s+(?:both|the)\s+parties\s+agree)\b/i;
// Notice tied to the end of a term, wherever it sits (often in the termination section).
const BEFORE_TERM_END =
  /(?:prior\s+to|before)\s+(?:the\s+)?(?:expiration|expiry|end)\s+of\s+(?:the\s+|this\s+|such\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:term|period|agreement)/i;

// A renewal heading ("5. RENEWAL OF FRANCHISE TERM.") makes the next sentences about renewal
// even when they only say "successor franchise" or "extension".
const HEADING_REACH = 2;
const isHeading = (text: string) => text.length <= 60 && !/\b(?:shall|will|may)\b/i.test(text);

function automaticFor(text: string): boolean | null {
  if (AUTOMATIC.test(text)) return true;
  if (OPTIONAL.test(text)) return false;
  return null;
}

function noticeIn(ctx: ScanContext, sentence: Sentence, isRenewal: boolean): Finding | null {
  const renewal: RenewalSentence = !isRenewal
    ? "none"
    : automaticFor(sentence.text) === false
      ? "optional"
      : "automatic";
  if (!isNonRenewalNotice(sentence.text, renewal)) return null;
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
  let sinceHeading = Number.POSITIVE_INFINITY;
  for (const sentence of eachSentence(ctx)) {
    const mentionsRenewal = RENEWAL.test(sentence.text);
    const isRenewal = mentionsRenewal || sinceHeading <= HEADING_REACH;
    sinceHeading = mentionsRenewal && isHeading(sentence.text) ? 1 : sinceHeading + 1;
    if (isRenewal && !(best && best.automatic === true)) {
      const duration = findRenewalDuration(sentence.text, initialTerm);
      const automatic = automaticFor(sentence.text);
      // An automatic renewal beats an optional one found earlier.
      if (duration && (!best || (automatic === true && best.automatic !== true))) {
        best = { sentence, duration, automatic };
      }
    }
    // The notice period is often in the renewal sentence or the one right after it.
    if (!renewalNoticePeriod && (isRenewal || previousWasRenewal)) {
      renewalNoticePeriod = noticeIn(ctx, sentence, isRenewal);
    }
    if (!fallbackNotice && BEFORE_TERM_END.test(sentence.text)) {
      fallbackNotice = noticeIn(ctx, sentence, isRenewal);
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
