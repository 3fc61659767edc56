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

// "laws of", "laws and judicial decisions of", "Laws of".
const LAWS_OF = /\blaws?(?:\s+and\s+[a-z]+(?:\s+[a-z]+){0,2})?\s+(?:of|in)\s+/gi;
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
const APPLIES = /\bsubject\s+to\s+the\s+application\s+of\b/i;
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
    const jurisdiction = readLeadingJurisdiction(text.slice(after, after + 80));
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
  if (/\bthis\s+(?:agreement|contract)\b/i.test(text)) s += 1;
  return s;
}

const MIN_SCORE = 2;

/** The jurisdiction whose law governs the contract. */
export function findGoverningLaw(ctx: ScanContext): Finding {
  let best: { score: number; finding: Finding } | null = null;
  let sinceHeading = Number.POSITIVE_INFINITY;
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    const underHeading = sinceHeading <= HEADING_REACH;
    sinceHeading = HEADING.test(text) ? 1 : sinceHeading + 1;
    if (!/\blaws?\b/i.test(text)) continue;
    const hit = hitsIn(text)[0];
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
  return best?.finding ?? notFound();
}
