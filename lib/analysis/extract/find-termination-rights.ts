import { describeDuration, findDurations } from "../parse/parse-duration";
import type { Party, TerminationKind, TerminationRight } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";
import { findPartyMention } from "./find-party-mention";

// A right to terminate, not a description of what happens on termination.
const RIGHT_TO_TERMINATE =
  /\b(?:may|shall\s+(?:have|be\s+entitled\s+to)\s+the\s+right\s+to|has\s+the\s+right\s+to|have\s+the\s+right\s+to|is\s+entitled\s+to|reserves\s+the\s+right\s+to|can)\b[^.;]{0,80}?\bterminat(?:e|ion)\b|\bterminable\b|\bright\s+to\s+terminate\b|\bmay\s+be\s+terminated\b/i;

const KIND_RULES: { kind: TerminationKind; pattern: RegExp }[] = [
  {
    kind: "convenience",
    pattern:
      /\bfor\s+(?:its\s+)?convenience\b|\bfor\s+any\s+(?:reason|or\s+no\s+reason)\b|\bwithout\s+cause\b|\bfor\s+no\s+reason\b|\bat\s+will\b|\bwith\s+or\s+without\s+cause\b|\bat\s+any\s+time\b[^.;]{0,60}\b(?:upon|on|by\s+giving|with)\b[^.;]{0,40}\bnotice\b/i,
  },
  {
    kind: "insolvency",
    pattern:
      /\binsolven|\bbankrupt|\breceiver\b|\bliquidat|\bwinding[- ]up\b|\bassignment\s+for\s+the\s+benefit\s+of\s+(?:its\s+)?creditors\b/i,
  },
  { kind: "change_of_control", pattern: /\bchange\s+(?:of|in)\s+control\b/i },
  {
    kind: "breach",
    pattern:
      /\bbreach|\bdefault\b|\bfail(?:s|ure)?\s+to\s+(?:perform|comply|pay|cure|remedy)|\bnon-?performance\b/i,
  },
];

// Breach wording alongside convenience wording ("at any time upon notice if the other party
// breaches") is a breach right; explicit convenience words win outright.
const EXPLICIT_CONVENIENCE =
  /\bfor\s+(?:its\s+)?convenience\b|\bwithout\s+cause\b|\bfor\s+any\s+(?:reason|or\s+no\s+reason)\b|\bfor\s+no\s+reason\b/i;

function kindOf(text: string): TerminationKind {
  if (EXPLICIT_CONVENIENCE.test(text)) return "convenience";
  const breach = KIND_RULES.find((r) => r.kind === "breach")?.pattern.test(text) ?? false;
  for (const rule of KIND_RULES) {
    if (rule.kind === "convenience" && breach) continue;
    if (rule.pattern.test(text)) return rule.kind;
  }
  return "other";
}

const KIND_LABELS: Record<TerminationKind, string> = {
  convenience: "for convenience",
  breach: "for breach",
  insolvency: "on insolvency",
  change_of_control: "on change of control",
  other: "on other stated grounds",
};

function noticeOf(text: string): string | null {
  for (const d of findDurations(text)) {
    const after = text.slice(d.end, d.end + 40);
    if (
      /^\s*(?:\([^)]*\)\s*)?(?:['’]s?\s*)?(?:prior\s+)?(?:written\s+)?(?:notice|prior|advance)/i.test(
        after,
      )
    ) {
      return d.iso;
    }
  }
  return null;
}

export const MAX_TERMINATION_RIGHTS_PER_KIND = 2;

/** Who may end the agreement early, on what grounds and with what notice. */
export function findTerminationRights(ctx: ScanContext, parties: Party[]): TerminationRight[] {
  const rights: TerminationRight[] = [];
  const perKind = new Map<TerminationKind, number>();
  for (const sentence of eachSentence(ctx)) {
    const text = sentence.text;
    const right = RIGHT_TO_TERMINATE.exec(text);
    if (!right) continue;
    const kind = kindOf(text);
    const count = perKind.get(kind) ?? 0;
    if (count >= MAX_TERMINATION_RIGHTS_PER_KIND) continue;
    const party = findPartyMention(text, right.index + right[0].length, parties);
    const noticePeriod = noticeOf(text);
    // The same holder with the same right twice adds nothing.
    if (rights.some((r) => r.kind === kind && r.party === party)) continue;
    perKind.set(kind, count + 1);
    const who = party ?? "A party";
    const notice = noticePeriod ? ` on ${describeDuration(noticePeriod)}' notice` : "";
    rights.push({
      value: kind,
      display: `${who} may terminate ${KIND_LABELS[kind]}${notice}`,
      evidence: evidenceInSentence(
        ctx.index,
        sentence,
        sentence.start + right.index,
        sentence.start + right.index + right[0].length,
      ),
      kind,
      party,
      noticePeriod,
    });
  }
  return rights;
}
