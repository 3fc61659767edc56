import { makeFinding, notFound } from "../findings";
import { type DurationMatch, describeDuration } from "../parse/parse-duration";
import type { Finding, RenewalTerm } from "../result-schema";
import type { Sentence } from "../text/document-index";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findRenewalDuration, mentionsRenewal, renewalPositions } from "./find-renewal-duration";
import { nonRenewalNotices, type RenewalSentence, stopsRenewalAt } from "./non-renewal-notices";

const AUTOMATIC =
  /\bautomatic(?:ally)?\b|\b(?:shall|will)\s+(?:be\s+)?(?:automatically\s+)?(?:renew(?:ed)?|extended)\b|\bevergreen\b|\bunless\s+(?:either|one|a)\s+party\b[^.]{0,120}\bnotice\b/i;
const OPTIONAL =
  /\b(?:option\b|may\s+(?:mutually\s+)?agree|(?:may|can)\s+(?:be\s+)?(?:renew(?:ed)?|extend(?:ed)?)|right\s+to\s+(?:renew|extend)|by\s+mutual\s+(?:written\s+)?(?:agreement|consent)|upon\s+mutual|subject\s+to\s+(?:the\s+)?mutual|mutually\s+agree\w*|if\s+(?:both|the)\s+parties\s+agree)\b/i;
// "may be renewed … upon mutual written agreement of the Parties" gives no right to a renewal:
// the parties may always agree to one. CUAD's labels leave most of these out (3 of 4 in dev).
const MUTUAL =
  /\b(?:by|upon|with|subject\s+to)\s+(?:the\s+)?mutual\s+(?:written\s+)?(?:agreement|consent)\b|(?<!\bterms?(?:\s+and\s+conditions)?\s+)\bas\s+(?:may\s+be\s+)?mutually\s+agreed\b|\bas\s+the\s+parties\s+(?:may\s+)?mutually\s+agree\b|\b(?:written\s+)?(?:consent|agreement)\s+of\s+(?:both|all(?:\s+the)?)\s+parties\b/i;
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

/**
 * How sure a notice is to be the one that stops the renewal, best first: said to stop it, next
 * to the renewal; opting out of the renewal next to it; said to stop it elsewhere; counted
 * back from the end of the term elsewhere (only trusted when the renewal is automatic).
 */
const NoticeRank = {
  StopsNearRenewal: 0,
  NearRenewal: 1,
  StopsElsewhere: 2,
  BeforeTermEnd: 3,
} as const;
type NoticeRank = (typeof NoticeRank)[keyof typeof NoticeRank];

/** `continues`: the sentence itself says the term goes on (a renewal, "thereafter", "each
 *  anniversary", "the Initial Term"), so its notice can stop a renewal the contract never names. */
type NoticeCandidate = { rank: NoticeRank; finding: Finding; continues: boolean };

const CONTINUES =
  /\brenew|\bextend|\bextension|\binitial\s+(?:term|period)|\banniversar|\bthereafter\b|\bthen[- ]current\b|\bsuccessive\b|\bsubsequent\s+(?:term|period|year)/i;
// A notice counted back from the end of the term, away from the renewal, is only trusted when it
// is a notice to end the agreement ("written notice of termination no later than 90 days prior
// to the expiration"), not a report or a plan due before the end.
const ENDS_AGREEMENT = /\bterminat\w*|\bcancel\w*|\bdiscontinu\w*|\bend\s+this\s+agreement\b/i;

function noticeIn(ctx: ScanContext, sentence: Sentence, isRenewal: boolean): Finding | null {
  const { text } = sentence;
  const renewal: RenewalSentence = !isRenewal
    ? "none"
    : automaticFor(text) === false
      ? "optional"
      : "automatic";
  const [d] = nonRenewalNotices(text, renewal);
  if (!d) return null;
  return makeFinding(
    d.iso,
    `${describeDuration(d.iso)} before the term ends`,
    evidenceInSentence(ctx.index, sentence, sentence.start + d.start, sentence.start + d.end),
  );
}

function rankNotice(text: string, nearRenewal: boolean): NoticeRank | null {
  const stops = stopsRenewalAt(text) !== -1;
  if (nearRenewal) return stops ? NoticeRank.StopsNearRenewal : NoticeRank.NearRenewal;
  if (stops) return NoticeRank.StopsElsewhere;
  return BEFORE_TERM_END.test(text) && ENDS_AGREEMENT.test(text) ? NoticeRank.BeforeTermEnd : null;
}

/**
 * The notice to stop the renewal. An optional renewal (or none found) only takes a notice said
 * to stop it: any other notice near an option is the notice that exercises it. Without any
 * renewal wording in the contract, a notice to terminate at the end of the term only counts when
 * its own sentence says the term goes on: a fixed term ends by itself.
 */
function pickNotice(
  candidates: readonly NoticeCandidate[],
  automatic: boolean | null,
  renewalSeen: boolean,
): Finding {
  const allowed = candidates.filter(
    ({ rank, continues }) =>
      rank === NoticeRank.StopsNearRenewal ||
      (rank === NoticeRank.StopsElsewhere && (renewalSeen || continues)) ||
      (automatic !== false && rank === NoticeRank.NearRenewal) ||
      (automatic === true && rank === NoticeRank.BeforeTermEnd),
  );
  const [best] = [...allowed].sort((a, b) => a.rank - b.rank);
  return best?.finding ?? notFound();
}

export type RenewalFindings = { renewalTerm: RenewalTerm; renewalNoticePeriod: Finding };

/**
 * Renewal length, whether it is automatic, and the notice needed to stop it. `initialTerm` (ISO
 * duration) resolves "renews for successive terms of the same duration".
 */
export function findRenewal(ctx: ScanContext, initialTerm: string | null): RenewalFindings {
  let best: { sentence: Sentence; duration: DurationMatch; automatic: boolean | null } | null =
    null;
  const notices: NoticeCandidate[] = [];
  let previousWasRenewal = false;
  let sinceHeading = Number.POSITIVE_INFINITY;
  // Whether any sentence provides for a renewal, and an automatic one, even without a length
  // ("shall automatically renew unless … notice"): no renewal term to report, but its notice
  // still stops it.
  let renewalSeen = false;
  let automaticSeen = false;
  for (const sentence of eachSentence(ctx)) {
    const mentions = mentionsRenewal(sentence.text);
    const viaHeading = sinceHeading <= HEADING_REACH;
    const isRenewal = mentions || viaHeading;
    sinceHeading = mentions && isHeading(sentence.text) ? 1 : sinceHeading + 1;
    if (mentions && renewalPositions(sentence.text).length > 0) {
      renewalSeen = true;
      if (automaticFor(sentence.text) === true && !MUTUAL.test(sentence.text)) {
        automaticSeen = true;
      }
    }
    if (isRenewal && !(best && best.automatic === true)) {
      const duration = findRenewalDuration(sentence.text, initialTerm, viaHeading);
      const automatic = automaticFor(sentence.text);
      // An automatic renewal beats an optional one found earlier.
      const mutualOnly = automatic !== true && MUTUAL.test(sentence.text);
      if (duration && !mutualOnly && (!best || (automatic === true && best.automatic !== true))) {
        best = { sentence, duration, automatic };
      }
    }
    // The notice period is often in the renewal sentence or the one right after it.
    const rank = rankNotice(sentence.text, isRenewal || previousWasRenewal);
    if (rank !== null && !notices.some((n) => n.rank === rank)) {
      const finding = noticeIn(ctx, sentence, isRenewal);
      if (finding) notices.push({ rank, finding, continues: CONTINUES.test(sentence.text) });
    }
    previousWasRenewal = isRenewal;
  }
  if (!best) {
    return {
      renewalTerm: { ...notFound(), automatic: null },
      renewalNoticePeriod: pickNotice(notices, automaticSeen, renewalSeen),
    };
  }
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
    renewalNoticePeriod: pickNotice(notices, automatic, true),
  };
}
