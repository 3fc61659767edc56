import type {
  ObligationKind,
  ObligationTiming,
  Party,
  PerformanceObligation,
} from "../result-schema";
import { evidenceCoveringMatch } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findPartyMention } from "./find-party-mention";

type Rule = { kind: ObligationKind; pattern: RegExp };

const PROMISE = "(?:shall|will|agrees?\\s+to|undertakes?\\s+to|hereby)\\s+(?:\\w+\\s+){0,2}?";
// Order matters: support before service, since "provide maintenance services" is support.
const RULES: Rule[] = [
  {
    kind: "license",
    pattern:
      /\b(?:(?:hereby|shall|will|agrees?\s+to)\s+grants?|grants)\s+(?!of\b)(?:to\s+[\w.,&' -]{1,60}?\s+)?(?:an?\s+|the\s+)?(?:[\w,.;()'-]+\s+){0,16}?(?:licen[cs]e|sublicen[cs]e|right\s+to\s+use)\b/i,
  },
  {
    kind: "support",
    pattern: new RegExp(
      `\\b${PROMISE}(?:provide|perform|offer|furnish)\\s+(?:\\w+\\s+){0,4}?(?:maintenance|support|updates?|upgrades?|bug\\s+fixes|error\\s+corrections?|technical\\s+assistance|help\\s+desk)\\b`,
      "i",
    ),
  },
  {
    kind: "service",
    pattern: new RegExp(
      `\\b${PROMISE}(?:provide|perform|render|furnish|deliver|host|operate|manage)\\s+(?:\\w+\\s+){0,4}?(?:services?|consulting|hosting|development|marketing|promotion|advertising|training|manufacturing\\s+services|operations?|endorsement|appearances?|research)\\b`,
      "i",
    ),
  },
  {
    kind: "goods",
    pattern: new RegExp(
      `\\b${PROMISE}(?:sell|supply|deliver|ship|manufacture|provide)\\s+(?:to\\s+\\w+\\s+)?(?:\\w+\\s+){0,4}?(?:products?|goods|units|devices|equipment|materials|inventory|supplies|hardware|kits)\\b`,
      "i",
    ),
  },
];

const NEGATED =
  /\b(?:shall|will)\s+not\b|\bno\s+obligation\b|\bnot\s+be\s+(?:obligated|required)\b/i;
const SYMBOLIC_IP =
  /\btrademarks?\b|\btrade\s*names?\b|\bbrand|\blogos?\b|\bmarks\b|\blikeness\b|\bname\s+and\b/i;
const FUNCTIONAL_IP =
  /\bsoftware|\bpatents?\b|\bcopyrights?\b|\btechnology\b|\bknow-how\b|\bcontent\b|\bformula|\bcompounds?\b|\bdata\b|\bsource\s+code|\bobject\s+code/i;
const CUSTOM_GOODS =
  /\bcustom(?:i[sz]ed)?\b|\bspecifications?\b|\bno\s+alternative\s+use\b|\b(?:built|made)\s+to\s+order\b/i;

function timingFor(
  kind: ObligationKind,
  text: string,
): { timing: ObligationTiming; basis: string } {
  switch (kind) {
    case "license":
      if (SYMBOLIC_IP.test(text)) {
        return {
          timing: "over_time",
          basis:
            "Licence of symbolic IP (trademark, name or brand): a right to access, recognized over the licence period (ASC 606-10-55-60).",
        };
      }
      if (FUNCTIONAL_IP.test(text)) {
        return {
          timing: "point_in_time",
          basis:
            "Licence of functional IP (software, patent, technology or content): a right to use, recognized when the customer can use it (ASC 606-10-55-58B to 55-58C).",
        };
      }
      return {
        timing: "unknown",
        basis:
          "The licensed IP could not be classified as functional or symbolic; assess manually.",
      };
    case "support":
      return {
        timing: "over_time",
        basis: "Stand-ready support or maintenance, consumed as provided over the support period.",
      };
    case "service":
      return {
        timing: "over_time",
        basis:
          "Services the customer consumes as they are performed (ASC 606-10-25-27(a)); confirm the measure of progress.",
      };
    case "goods":
      return CUSTOM_GOODS.test(text)
        ? {
            timing: "unknown",
            basis:
              "Goods made to the customer's specifications may qualify for over-time recognition if they have no alternative use and payment for work to date is enforceable (ASC 606-10-25-27(c)).",
          }
        : {
            timing: "point_in_time",
            basis: "Control of goods usually transfers on shipment or delivery (ASC 606-10-25-30).",
          };
    default:
      return { timing: "unknown", basis: "Nature of the promise is unclear; assess manually." };
  }
}

const DESCRIPTION_LENGTH = 160;

/** The promise in the contract's words, from the verb to the end of the clause. */
function summarizePromise(text: string, from: number): string {
  let clause = text.slice(from).replace(/^(?:shall|will|hereby|agrees?\s+to)\s+/i, "");
  const stop = clause.search(/;|,\s+provided\b|\.\s/);
  if (stop > 0) clause = clause.slice(0, stop);
  if (clause.length > DESCRIPTION_LENGTH) {
    const cut = clause.lastIndexOf(" ", DESCRIPTION_LENGTH);
    clause = `${clause.slice(0, cut > 0 ? cut : DESCRIPTION_LENGTH)}…`;
  }
  return clause.replace(/[.,:]+$/, "");
}

export const MAX_OBLIGATIONS = 8;

/** Candidate performance obligations: promises to license, serve, support or deliver goods. */
export function findObligations(ctx: ScanContext, parties: Party[]): PerformanceObligation[] {
  const found: PerformanceObligation[] = [];
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    if (!/\b(?:shall|will|agrees?|undertakes?|hereby|grants?)\b/i.test(text)) continue;
    for (const rule of RULES) {
      const m = rule.pattern.exec(text);
      // Headings ("GRANT OF COPYRIGHT LICENSE") name a section; they promise nothing.
      if (!m || m[0] === m[0].toUpperCase()) continue;
      if (NEGATED.test(text.slice(Math.max(0, m.index - 10), m.index + m[0].length))) continue;
      const party = findPartyMention(text, m.index, parties);
      // One entry per promisor and kind: repeats are usually the same promise elaborated.
      if (found.some((o) => o.kind === rule.kind && o.party === party)) break;
      // The promise must be quotable whole: its verb and what it promises.
      const evidence = evidenceCoveringMatch(ctx.index, sentence, m);
      if (!evidence) continue;
      const { timing, basis } = timingFor(rule.kind, text);
      found.push({
        party,
        description: summarizePromise(text, m.index),
        kind: rule.kind,
        timing,
        timingBasis: basis,
        evidence,
      });
      break;
    }
    if (found.length >= MAX_OBLIGATIONS) break;
  }
  return found;
}
