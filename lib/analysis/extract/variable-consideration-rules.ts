import type { VariableConsiderationKind } from "../result-schema";

export type VariableConsiderationRule = {
  kind: VariableConsiderationKind;
  label: string;
  pattern: RegExp;
};

// Wording that makes the transaction price variable or constrained (ASC 606-10-32-5 to -14).
export const VARIABLE_CONSIDERATION_RULES: VariableConsiderationRule[] = [
  // "royalties under Section 513(i) of the Internal Revenue Code" cites a statute, not a payment.
  {
    kind: "royalty",
    label: "Royalty",
    pattern: /\broyalt(?:y|ies)\b(?!-free)(?![^.]{0,40}\bunder\s+(?:section|§)\s*\d)/i,
  },
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
  // Prices or fees tied to an index move only as the index does.
  {
    kind: "price_restriction",
    label: "Price indexation",
    pattern:
      /\b(?:price|fee|rate|charge)s?\b[^.]{0,120}\b(?:increase|decrease|adjust)\w*\b[^.]{0,120}\b(?:consumer\s+price\s+index|CPI|retail\s+price\s+index|producer\s+price\s+index)\b/i,
  },
  {
    kind: "volume_restriction",
    label: "Volume threshold",
    pattern:
      /\bvolume\s+(?:limit|cap|restriction|threshold|discount|commitment)s?\b|\b(?:in\s+excess\s+of|exceed(?:s|ing)?)\s+(?:\S+\s+){0,4}?(?:units|users|transactions|seats|impressions|copies|volume|quantit(?:y|ies))\b|\boverage\s+(?:fee|charge)s?\b|\b(?:shall|may)\s+not\s+(?:purchase|sell|order|distribute)\s+more\s+than\b/i,
  },
  // Counted caps in drafting style, "up to three (3) posts", "shall not exceed an aggregate of
  // [***] ([***]) hours"; lengths of time are durations, not volumes, and a cap of one is a
  // licence condition ("no more than one (1) copy").
  {
    kind: "volume_restriction",
    label: "Quantity cap",
    pattern:
      /\b(?:up\s+to|maximum\s+of|no\s+more\s+than|not\s+(?:to\s+)?exceed)\s+(?:an?\s+(?:aggregate|total)\s+of\s+)?(?!one\s)(?:[a-z][a-z -]*|\[\*+\])\s\(\s*(?:\d[\d,]*|\[\*+\])\s*\)\s+(?!(?:calendar\s+|business\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|percent)\b)[a-z]/i,
  },
  // Orders held within a band around the forecast, or deliverables capped by value.
  {
    kind: "volume_restriction",
    label: "Forecast band",
    pattern:
      /\bforecast\w*\b[^.]{0,120}\b(?:by\s+more\s+than|in\s+excess\s+of)|\b(?:deviat\w*|var(?:y|ies|iance))\s+(?:\w+\s+){0,4}?from\s+(?:the\s+|its\s+|such\s+)?(?:applicable\s+|then[- ]current\s+)?(?:\w+\s+)?forecast|\bup\s+to\s+\$\S+\s+(?:\([^)]*\)\s+)?worth\s+of\b/i,
  },
  {
    kind: "milestone",
    label: "Milestone payment",
    pattern:
      /\bmilestone\s+(?:payment|fee)s?\b|\bupon\s+(?:the\s+)?achievement\s+of\b[^.]{0,80}\b(?:pay|payment)/i,
  },
];
