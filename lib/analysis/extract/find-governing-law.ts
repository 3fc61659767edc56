import { makeFinding, notFound } from "../findings";
import {
  JURISDICTION_ANYWHERE,
  JURISDICTION_BEFORE_LAW,
  type Jurisdiction,
  lookupJurisdiction,
  readLeadingJurisdiction,
} from "../parse/jurisdictions";
import type { Finding } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";
import { eachSentence } from "../text/scan-context";

// "laws of", "laws and judicial decisions of", "Laws of", "laws in force in", "the laws of, the
// State of New Jersey", and a conflicts carve-out set inside ("the internal laws (and not the law
// of conflicts) of", "the laws, without regard to conflict of laws principles, of").
const LAWS_OF =
  /\blaws?(?:\s+and\s+[a-z]+(?:\s+[a-z]+){0,2})?(?:\s*\([^)]{0,120}\)|,\s*(?:without|excluding|other\s+than|but\s+not|except|not\s+including)\b[^,;.()]{0,100},)?(?:\s+(?:in\s+force|in\s+effect|applicable|prevailing))?\s+(?:of|in),?\s+/gi;
const LAWS_THEREOF = /\blaws?\s+(?:thereof|of\s+(?:such|that|said)\s+(?:state|jurisdiction))/gi;
// Where a party is organized is not which law governs the contract.
const ORGANIZED_UNDER =
  /\b(?:organi[sz]ed|incorporated|existing|formed|registered|chartered|established)\s+(?:and\s+existing\s+)?(?:in\s+accordance\s+with|under)\s+(?:the\s+)?(?:\w+\s+)?$/i;
// "patent laws of the United States" is a field of law, not a choice of law.
const SUBJECT_MATTER_LAW =
  /\b(?:patent|securities|export|tax|antitrust|privacy|environmental|employment|labou?r|bankruptcy|insolvency|copyright|trademark|intellectual\s+property|insurance|anti-?corruption|sanctions?)\s+$/i;

const GOVERNS = /\bgovern(?:ed|s|ing)?\b/i;
const CONSTRUED = /\b(?:constru(?:ed|e|ction)|interpret(?:ed|ation)?|constructed|enforced)\b/i;
const HEADING = /\b(?:governing|applicable|choice\s+of)\s+law\b/i;
// "subject to the application of the Italian Law", "requires application of the laws of New York",
// "This Agreement and all disputes hereunder shall be subject to the laws of Texas".
const APPLIES =
  /\bsubject\s+to\s+the\s+application\s+of\b|\bapplication\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?laws?\b|\b(?:agreement|contract|hereunder|hereto|herein|hereof)\s+(?:[\w-]+\s+){0,6}?(?:shall|will)\s+be\s+subject\s+to\s+(?:the\s+)?(?:[\w-]+\s+)?laws?\b/i;
// "the laws of the United States and the State of Florida": federal law alongside a state's law
// leaves the state's as the contract law.
const AND_STATE =
  /^(?:the\s+)?united\s+states(?:\s+of\s+america)?\s*,?\s*(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:laws\s+of\s+)?(?:the\s+)?(?=(?:state|commonwealth)\s+of\s)/i;
// "The substantive law of the State of Ohio shall apply", "determined under the law of Minnesota".
const APPLY_OR_DECIDE =
  /\b(?:shall|will)\s+(?:apply|control|prevail)\b|\b(?:determined|decided|adjudicated|resolved|settled)\s+(?:under|by|in\s+accordance\s+with|pursuant\s+to)\b/i;
// "the laws of the State of Kansas shall control": the law is the subject of the sentence.
const LAW_GOVERNS =
  /\blaws?\s+of\s+(?:[\w.'’-]+\s+){1,6}?(?:shall|will)\s+(?:govern|apply|control|prevail)\b/i;
// "The Distribution Agreement, which is governed by the laws of Ohio, remains in force": the law
// of another agreement, told in passing; a sentence about this one names it.
const OTHER_AGREEMENTS_LAW =
  /\b(?:which|that)\s+(?:is|are|was|were|shall\s+be|will\s+be)\s+(?:\w+\s+)?governed\b/i;
const THIS_AGREEMENT = /\bthis\s+(?:agreement|contract)\b|\bhere(?:under|of|in|to)\b/i;
// "shall be governed by and construed under the State of Delaware": the word "laws" left out.
const GOVERNED_BY_PLACE =
  /\b(?:governed|construed|interpreted|enforced)\s+(?:(?:and|or|by|under|in|accordance|with|construed|interpreted|enforced)\s+){0,6}?(?:by|under|with)\s+(?=(?:the\s+)?(?:state|commonwealth|province)\s+of\b)/gi;
// "Governing Law: State of New York" in a schedule or term sheet.
const HEADING_THEN_PLACE = /\b(?:governing|applicable|choice\s+of)\s+law\s*[:\u2013\u2014-]\s*/gi;
const ACCORDANCE = /\b(?:in\s+accordance\s+with|pursuant\s+to)\b/i;
// A "Governing Law" heading counts for the next few sentences (the clause may follow a
// dispute-resolution sentence under the same heading).
const HEADING_REACH = 3;

type Hit = { jurisdiction: Jurisdiction; start: number; end: number };

function hitsIn(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(LAWS_OF)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (ORGANIZED_UNDER.test(before) || SUBJECT_MATTER_LAW.test(before)) continue;
    const after = m.index + m[0].length;
    const window = text.slice(after, after + 120);
    const federal = AND_STATE.exec(window);
    const jurisdiction =
      (federal && readLeadingJurisdiction(window.slice(federal[0].length))) ??
      readLeadingJurisdiction(window);
    if (jurisdiction) hits.push({ jurisdiction, start: m.index, end: after + 40 });
  }
  // "made in the State of California and … governed by … the laws thereof".
  for (const m of text.matchAll(LAWS_THEREOF)) {
    let last: RegExpMatchArray | null = null;
    for (const j of text.slice(0, m.index).matchAll(JURISDICTION_ANYWHERE)) last = j;
    const jurisdiction = last?.[1] ? lookupJurisdiction(last[1]) : null;
    if (jurisdiction && last) {
      hits.push({ jurisdiction, start: last.index ?? 0, end: m.index + m[0].length });
    }
  }
  for (const m of [...text.matchAll(HEADING_THEN_PLACE), ...text.matchAll(GOVERNED_BY_PLACE)]) {
    const after = m.index + m[0].length;
    const jurisdiction = readLeadingJurisdiction(text.slice(after, after + 80));
    if (jurisdiction) hits.push({ jurisdiction, start: m.index, end: after + 40 });
  }
  // "subject to the application of the Italian Law", "New York law".
  for (const m of text.matchAll(JURISDICTION_BEFORE_LAW)) {
    const jurisdiction = m[1] ? lookupJurisdiction(m[1]) : null;
    if (jurisdiction) hits.push({ jurisdiction, start: m.index, end: m.index + m[0].length });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** How strongly a sentence reads as the governing-law clause (higher wins; ≥ MIN_SCORE counts). */
export function scoreGoverningLawSentence(text: string, underHeading = false): number {
  let s = 0;
  if (GOVERNS.test(text)) s += 3;
  if (CONSTRUED.test(text)) s += 3;
  if (underHeading || HEADING.test(text)) s += 2;
  if (APPLIES.test(text)) s += 2;
  if (ACCORDANCE.test(text)) s += 1;
  if (APPLY_OR_DECIDE.test(text)) s += 1;
  if (LAW_GOVERNS.test(text)) s += 2;
  if (/\bthis\s+(?:agreement|contract)\b/i.test(text)) s += 1;
  if (OTHER_AGREEMENTS_LAW.test(text) && !THIS_AGREEMENT.test(text)) s -= 3;
  return s;
}

const MIN_SCORE = 2;
const UNITED_STATES = "United States";

/** The jurisdiction whose law governs the contract. */
export function findGoverningLaw(ctx: ScanContext): Finding {
  let best: { score: number; finding: Finding } | null = null;
  let sinceHeading = Number.POSITIVE_INFINITY;
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    const underHeading = sinceHeading <= HEADING_REACH;
    sinceHeading = HEADING.test(text) ? 1 : sinceHeading + 1;
    if (!/\blaws?\b|\b(?:governed|construed|interpreted)\b/i.test(text)) continue;
    const hits = hitsIn(text);
    // "the federal laws of the United States and the laws of the State of Texas": the state's.
    const hit =
      hits[0]?.jurisdiction.name === UNITED_STATES
        ? (hits.find((h) => h.jurisdiction.description.endsWith(`, ${UNITED_STATES}`)) ?? hits[0])
        : hits[0];
    if (!hit) continue;
    const s = scoreGoverningLawSentence(text, underHeading);
    if (s < MIN_SCORE || (best && s <= best.score)) continue;
    const evidence = evidenceInSentence(
      ctx.index,
      sentence,
      sentence.start + hit.start,
      sentence.start + hit.end,
    );
    best = {
      score: s,
      finding: makeFinding(hit.jurisdiction.name, hit.jurisdiction.description, evidence),
    };
  }
  return best?.finding ?? findForumOnly(ctx);
}

// "may be initiated in a State or Federal Court located in the Commonwealth of Massachusetts".
const COURTS_IN =
  /\bcourts?\s+(?:(?!having\b)[\w-]+\s+){0,4}?(?:located\s+|sitting\s+|situated\s+)?(?:in|of|within)\s+/gi;

/**
 * With no choice-of-law clause at all, the agreed courts are the best reading of the contract's
 * law (they apply their own law), so the forum stands in; never over a law clause.
 */
function findForumOnly(ctx: ScanContext): Finding {
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    if (!/\b(?:jurisdiction|venue|lawsuit|action|proceeding|suit)s?\b/i.test(text)) continue;
    for (const m of text.matchAll(COURTS_IN)) {
      const after = m.index + m[0].length;
      const jurisdiction = readLeadingJurisdiction(text.slice(after, after + 80));
      if (!jurisdiction) continue;
      const evidence = evidenceInSentence(
        ctx.index,
        sentence,
        sentence.start + m.index,
        sentence.start + Math.min(text.length, after + 40),
      );
      // The display says so: a reviewer should know there is no choice-of-law clause.
      const display = `${jurisdiction.description} (chosen courts; no governing-law clause)`;
      return makeFinding(jurisdiction.name, display, evidence);
    }
  }
  return notFound();
}
