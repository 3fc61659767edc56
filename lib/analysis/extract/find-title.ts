import { makeFinding, notFound } from "../findings";
import type { Finding } from "../result-schema";
import { evidenceAt } from "../text/make-evidence";
import type { ScanContext } from "../text/scan-context";

const KIND = "(?:AGREEMENT|CONTRACT)";
// "WIRELESS CONTENT LICENSE AGREEMENT" set as a heading above the preamble.
const HEADING = new RegExp(
  `(?<![A-Za-z])((?:[A-Z][A-Z0-9&'’\\-/]*,? (?:(?:AND|OF|FOR|&) )?){1,7}${KIND})(?![A-Za-z])`,
  "g",
);
// "This License and Hosting Agreement (the …", `This "Agency" Agreement is made …`.
const PREAMBLE_NAME =
  /\b(?:This|THIS) ((?:["“”]?(?:[A-Z][\w'’-]*|and|AND|&|of|OF|for|FOR|on|ON)["“”]? ){1,8}?(?:AGREEMENT|Agreement|CONTRACT|Contract))\b/g;
// "Corporate Sponsorship Agreement" as the first line, in title case.
const TITLE_CASE_HEADING = /((?:[A-Z][\w'’-]* (?:(?:and|of|for|&) )?){1,6}Agreement)\b/;
// Cover-page words that precede the real title.
const HEADING_NOISE =
  /^(?:(?:EXHIBIT|EXECUTION|VERSION|COPY|CONFIDENTIAL|TREATMENT|REQUESTED|DRAFT|FINAL|THIS|AMENDED|AND|RESTATED)\b[\s,]*|[\d.]+\s*)+/;

type Candidate = { title: string; start: number; end: number };

function cleanTitle(title: string): string {
  return title.replace(/["“”]/g, "").replace(/\s+/g, " ").trim();
}

function lastHeading(text: string, before: number): Candidate | null {
  let found: Candidate | null = null;
  for (const m of text.slice(0, before).matchAll(HEADING)) {
    const raw = m[1] ?? "";
    const title = cleanTitle(raw.replace(HEADING_NOISE, ""));
    if (title.split(" ").length < 2) continue;
    const start = m.index + m[0].length - title.length;
    found = { title, start, end: m.index + m[0].length };
  }
  return found;
}

/** The agreement's name: the preamble's "This X Agreement", or a fuller heading above it. */
export function findTitle(ctx: ScanContext, preambleStart: number | null): Finding {
  const { flat } = ctx.index;
  const searchEnd = Math.min(flat.length, (preambleStart ?? 0) + 3000);
  const head = flat.slice(0, Math.max(searchEnd, 3000));
  let named: Candidate | null = null;
  for (const m of head.matchAll(PREAMBLE_NAME)) {
    const title = cleanTitle(m[1] ?? "");
    if (title.split(" ").length < 2) continue;
    named = { title, start: m.index, end: m.index + m[0].length };
    break;
  }
  const heading = lastHeading(head, named ? named.start : Math.min(head.length, 3000));
  // Prefer the heading when it is the same name said more fully ("WIRELESS CONTENT LICENSE
  // AGREEMENT" over "License Agreement").
  const pick =
    heading && (!named || heading.title.toLowerCase().endsWith(named.title.toLowerCase()))
      ? heading
      : named;
  const first = pick ? null : TITLE_CASE_HEADING.exec(flat.slice(0, 400));
  if (first?.[1]) {
    const title = cleanTitle(first[1].replace(HEADING_NOISE, ""));
    const start = first.index + first[0].length - title.length;
    const evidence = title.includes(" ")
      ? evidenceAt(ctx.index, start, start + title.length)
      : null;
    return evidence ? makeFinding(title, title, evidence) : notFound();
  }
  if (!pick) return notFound();
  const evidence = evidenceAt(ctx.index, pick.start, pick.end);
  return evidence ? makeFinding(pick.title, pick.title, evidence) : notFound();
}
