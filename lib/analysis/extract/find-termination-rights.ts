import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Party, TerminationKind, TerminationRight } from "../result-schema";
import { isTableOfContents } from "../text/is-table-of-contents";
import { evidenceCovering } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findPartyMention } from "./find-party-mention";
import { findTerminationGrounds, type Span } from "./find-termination-grounds";

// A right to terminate, not a description of what happens on termination. "terminable" only
// with what makes it a right ("terminable by Licensor", "terminable upon notice"): a
// "non-exclusive, terminable right to use" is a licence, not a right to end the agreement.
const RIGHT_TO_TERMINATE =
  /\b(?:may|shall\s+(?:have|be\s+entitled\s+to)\s+the\s+right\s+to|has\s+the\s+right\s+to|have\s+the\s+right\s+to|is\s+entitled\s+to|reserves\s+the\s+right\s+to|can)\b[^.;]{0,80}?\bterminat(?:e|ion)\b|\bterminable\s+(?:by|at|upon|on|for|without|with|immediately|forthwith)\b|\bright\s+to\s+terminate\b|\bmay\s+be\s+terminated\b/gi;
// "may not terminate", "shall not be terminable … for any reason", "may result in termination",
// "may give a notice of termination": no one is given a right here.
const NOT_A_RIGHT =
  /\b(?:may|shall|can|will)\s+not\b|\bcannot\b|\bnot\s+(?:be\s+)?terminable\b|\bnon-?terminable\b|\bmay\s+(?:result|lead|give\s+rise)\b|\bnotice\s+of\s+termination$/i;
// "terminable by mutual agreement", "may be terminated at any time during the Initial Period by
// agreement in writing of all the Parties": the parties together, not a right of either.
const BY_AGREEMENT =
  /^[^.;]{0,60}?\b(?:by|upon|on|with)\s+(?:the\s+)?(?:mutual\b|(?:written\s+)?agreement\s+(?:in\s+writing\s+)?(?:of|between|among)\s+(?:both|all|the)\b|(?:written\s+)?consent\s+of\s+(?:both|all|the)\s+parties\b)/i;
// "Neither party shall be liable … or shall have any right to terminate this Agreement for any
// delay attributable to force majeure", "no right to terminate", "BSP does not have the right
// to require Datec to terminate": a right denied, within the same clause unless a "but" or
// "except" turns it round.
const DENIED_BEFORE =
  /\bneither\b(?:(?!\b(?:but|except|provided|however|unless)\b)[^.;]){0,160}$|\bno\s+$|\b(?:does|do|did|shall|will)\s+not\s+$/i;

const KIND_LABELS: Record<TerminationKind, string> = {
  convenience: "for convenience",
  breach: "for breach",
  insolvency: "on insolvency",
  change_of_control: "on change of control",
  other: "on other stated grounds",
};

/** The notice period the text states between `from` and `to`, with where it is. */
function noticeOf(
  text: string,
  from: number,
  to: number,
): { iso: string; start: number; end: number } | null {
  for (const d of findDurations(text.slice(0, to))) {
    if (d.start < from) continue;
    const after = text.slice(d.end, d.end + 40);
    if (
      /^\s*(?:\([^)]*\)\s*)?(?:['’]s?\s*)?(?:prior\s+)?(?:written\s+)?(?:notice|prior|advance)/i.test(
        after,
      )
    ) {
      return { iso: d.iso, start: d.start, end: d.end };
    }
  }
  return null;
}

export const MAX_TERMINATION_RIGHTS_PER_KIND = 2;

/**
 * Who may end the agreement early, on what grounds and with what notice. Each right is quoted
 * where the quote shows both the right and its ground; a ground too far from the right to quote
 * both is left out rather than shown with a quote that does not state it.
 */
export function findTerminationRights(ctx: ScanContext, parties: Party[]): TerminationRight[] {
  const rights: TerminationRight[] = [];
  const perKind = new Map<TerminationKind, number>();
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    if (isTableOfContents(text)) continue;
    const granted = rightsIn(text);
    for (const [i, right] of granted.entries()) {
      // Each right's grounds lie before the next right, and a later right's after it ("B. Either
      // Party may terminate … breach … C. Either Party may terminate … if the other Party …
      // becomes insolvent").
      const limit = granted[i + 1]?.start ?? text.length;
      const party = findPartyMention(text, right.end, parties);
      const grounds = findTerminationGrounds(text.slice(0, limit), right, i > 0 ? right.start : 0);
      // A right whose grounds are too far from it to quote both is still a right: shown as on
      // other grounds, quoted where it is granted.
      const candidates = [...grounds, { kind: "other" as const, cover: right }];
      const notice = noticeOf(text, i > 0 ? right.start : 0, limit);
      let unquotable = 0;
      for (const { kind, cover } of candidates) {
        if (kind === "other" && unquotable < grounds.length) break;
        const count = perKind.get(kind) ?? 0;
        if (count >= MAX_TERMINATION_RIGHTS_PER_KIND) continue;
        // The same holder with the same right twice adds nothing.
        if (rights.some((r) => r.kind === kind && r.party === party)) continue;
        const quote = (from: number, to: number) =>
          evidenceCovering(ctx.index, sentence, sentence.start + from, sentence.start + to);
        // The notice is shown only when the quote can show it too.
        const withNotice = notice
          ? quote(Math.min(cover.start, notice.start), Math.max(cover.end, notice.end))
          : null;
        const evidence = withNotice ?? quote(cover.start, cover.end);
        if (!evidence) {
          unquotable++;
          continue;
        }
        perKind.set(kind, count + 1);
        const noticePeriod = withNotice ? (notice?.iso ?? null) : null;
        const who = party ?? "A party";
        const onNotice = noticePeriod ? ` on ${describeDuration(noticePeriod)}' notice` : "";
        rights.push({
          value: kind,
          display: `${who} may terminate ${KIND_LABELS[kind]}${onNotice}`,
          evidence,
          kind,
          party,
          noticePeriod,
        });
      }
    }
  }
  return rights;
}

/**
 * The wordings in the sentence that grant a right to terminate, each as the span of its verb
 * ("terminate", "terminable"): the quote must show the verb, and a list clause's grounds can sit
 * far from the "may" that opens it.
 */
function rightsIn(text: string): Span[] {
  const rights: Span[] = [];
  for (const m of text.matchAll(RIGHT_TO_TERMINATE)) {
    if (NOT_A_RIGHT.test(m[0]) || DENIED_BEFORE.test(text.slice(0, m.index))) continue;
    // A heading ("FRANCHISEE'S RIGHT TO TERMINATE") names a section; the section grants.
    if (m[0] === m[0].toUpperCase()) continue;
    // Every wording RIGHT_TO_TERMINATE matches holds one of these verbs.
    const verb = /\bterminat(?:e|ion|ed)\b|\bterminable\b/i.exec(m[0]);
    if (!verb) continue;
    const start = m.index + verb.index;
    const end = start + verb[0].length;
    // "terminable by mutual agreement", "may be terminated by the mutual written agreement of
    // the Parties" is no one's right.
    if (BY_AGREEMENT.test(text.slice(end))) continue;
    if (
      /^terminable/i.test(m[0]) &&
      /\bnon-?\s*$|\bnot\s+(?:be\s+)?$/i.test(text.slice(0, m.index))
    )
      continue;
    rights.push({ start, end });
  }
  return rights;
}
