import type { VariableConsiderationKind, VariableConsiderationSignal } from "../result-schema";
import { evidenceInSentence } from "../text/make-evidence";
import { eachSentence, type ScanContext } from "../text/scan-context";

type Rule = { kind: VariableConsiderationKind; label: string; pattern: RegExp };

// Wording that makes the transaction price variable or constrained (ASC 606-10-32-5 to -14).
const RULES: Rule[] = [
  { kind: "royalty", label: "Royalty", pattern: /\broyalt(?:y|ies)\b(?!-free)/i },
  {
    kind: "revenue_share",
    label: "Revenue or profit share",
    pattern:
      /\b(?:revenue|profit)s?[- ]shar|\bshar(?:e|ed|ing)\s+(?:\w+\s+){0,3}?(?:revenues?|profits?)\b|\bshare\s+of\s+(?:the\s+)?(?:net\s+|gross\s+)?(?:revenues?|profits?|sales|receipts)\b|(?:%|\bpercent\b)\)?\s+of\s+(?:all\s+|the\s+|its\s+)?(?:[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:revenues?|sales|receipts|profits?|turnover|income|proceeds|net\s+assets|fees)\b/i,
  },
  // A sales commission, not a regulator ("agency or commission", "Exchange Commission").
  {
    kind: "revenue_share",
    label: "Commission",
    pattern:
      /\bcommissions?\s+(?:of|equal|at|on|payable|rate|shall|will)\b|\b(?:pay|earn|receive|paid)\w*\s+(?:\w+\s+){0,3}?commissions?\b|\bcash\s+commission/i,
  },
  {
    kind: "minimum_commitment",
    label: "Minimum commitment",
    pattern:
      /\bminimum\s+(?:annual\s+|monthly\s+|quarterly\s+|aggregate\s+)?(?:purchase|order|commitment|quantit|volume|royalt|fee|payment|guarantee|sales|revenue)|\btake[- ]or[- ]pay\b|\bbinding\s+commitment\b|\bfirm\s+orders?\b|\bpurchase\s+commitment\b|\bminimum\s+payments?\b|\bannual\s+milestones?\b|\b(?:shall|will|agrees\s+to)\s+(?:purchase|order|buy)\s+(?:at\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum)\b|\bguarantee[sd]?\s+(?:that\b[^.]{0,80})?(?:minimum|at\s+least)\b/i,
  },
  { kind: "rebate", label: "Rebate", pattern: /\brebates?\b/i },
  {
    kind: "penalty",
    label: "Penalty or service credit",
    pattern:
      /\bpenalt(?:y|ies)\b|\bliquidated\s+damages\b|\blate\s+(?:payment\s+)?(?:fee|charge)s?\b|\binterest\s+(?:at|on)\s+(?:the\s+)?(?:rate|late|overdue|unpaid)|\bservice\s+(?:level\s+)?credits?\b/i,
  },
  {
    kind: "price_restriction",
    label: "Price restriction",
    pattern:
      /\bmost[- ]favou?red\s+(?:customer|nation|pricing|terms)|\bprices?\s+(?:shall|will)\s+(?:not\s+(?:increase|exceed|be\s+increased)|remain\s+(?:fixed|firm))|\bprices?\s+(?:are|shall\s+be)\s+(?:fixed|firm)\b|\b(?:shall|may|will)\s+not\s+(?:increase|raise)\s+(?:the\s+|its\s+)?(?:prices?|fees?|rates?)\b|\bprice\s+protection\b/i,
  },
  {
    kind: "volume_restriction",
    label: "Volume threshold",
    pattern:
      /\bvolume\s+(?:limit|cap|restriction|threshold|discount|commitment)s?\b|\b(?:in\s+excess\s+of|exceed(?:s|ing)?)\s+(?:\S+\s+){0,4}?(?:units|users|transactions|seats|impressions|copies|volume|quantit(?:y|ies))\b|\boverage\s+(?:fee|charge)s?\b|\b(?:shall|may)\s+not\s+(?:purchase|sell|order|distribute)\s+more\s+than\b/i,
  },
  {
    kind: "milestone",
    label: "Milestone payment",
    pattern:
      /\bmilestone\s+(?:payment|fee)s?\b|\bupon\s+(?:the\s+)?achievement\s+of\b[^.]{0,80}\b(?:pay|payment)/i,
  },
];

// A few quotes per kind are enough for a reviewer to find the clauses.
export const MAX_SIGNALS_PER_KIND = 2;

/** Signs that consideration is variable or constrained, grouped by kind, in document order. */
export function findVariableConsideration(ctx: ScanContext): VariableConsiderationSignal[] {
  const signals: VariableConsiderationSignal[] = [];
  const counts = new Map<VariableConsiderationKind, number>();
  for (const sentence of eachSentence(ctx)) {
    for (const rule of RULES) {
      if ((counts.get(rule.kind) ?? 0) >= MAX_SIGNALS_PER_KIND) continue;
      const m = rule.pattern.exec(sentence.text);
      if (!m) continue;
      counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
      signals.push({
        value: rule.kind,
        display: rule.label,
        evidence: evidenceInSentence(
          ctx.index,
          sentence,
          sentence.start + m.index,
          sentence.start + m.index + m[0].length,
        ),
        kind: rule.kind,
      });
    }
  }
  return signals;
}
