import { CARDINAL_TENS, CARDINAL_UNITS } from "../parse/number-words";
import type { VariableConsiderationKind } from "../result-schema";

// "two" … "nineteen" and the tens: a counted cap of one is a licence condition, not a volume.
const COUNT_WORDS = [...CARDINAL_UNITS.slice(2), ...Object.keys(CARDINAL_TENS)].join("|");

export type VariableConsiderationRule = {
  kind: VariableConsiderationKind;
  label: string;
  pattern: RegExp;
  /**
   * A denial just before the match ("shall not pay any royalties", "no commissions", "without
   * obligation to pay … any commission") says the payment does not exist.
   */
  negatable?: boolean;
  /**
   * A match that also matches this (case-sensitive, on the matched words and the four characters
   * before them, so "by the Commission of" is seen with its article) is not the signal.
   */
  unless?: RegExp;
  /** A sentence that defines a term ("“X” means …") is not the signal. */
  notInDefinition?: boolean;
};

// Wording that makes the transaction price variable or constrained (ASC 606-10-32-5 to -14).
export const VARIABLE_CONSIDERATION_RULES: VariableConsiderationRule[] = [
  // "royalties under Section 513(i) of the Internal Revenue Code" cites a statute, not a payment.
  {
    kind: "royalty",
    label: "Royalty",
    pattern:
      /(?<!\bnon-)\broyalt(?:y|ies)\b(?![- ]?free\b)(?![^.]{0,40}\bunder\s+(?:section|§)\s*\d)/i,
    negatable: true,
  },
  {
    kind: "revenue_share",
    label: "Revenue or profit share",
    // A profit-sharing *plan* is an employee benefit; a percentage "of the fees" is a fee
    // formula (late fee, deposit) unless the fees are ones collected from customers; a
    // placement agent's fee is a percentage of the price of the securities sold.
    pattern:
      /\b(?:revenue|profit)s?[- ]shar(?!\w*\s+(?:plans?|benefits?|programs?|contributions?)\b)|\bshar(?:e|ed|ing)\s+(?:\w+\s+){0,4}?(?:revenues?|profits?)\b|\bshare\s+of\s+(?:the\s+)?(?:net\s+|gross\s+)?(?:revenues?|profits?|sales|receipts)\b|(?:%|\bpercent(?:age)?\b)\)?\s+of\s+(?:all\s+|the\s+|its\s+|any\s+)?(?:value\s+of\s+(?:the\s+)?)?(?:(?:[\w-]+\s+){0,2}?[\w-]+['’]s\s+)?["“]?(?:[\w-]+\s+){0,3}?(?:revenues?|sales|receipts|profits?|turnover|income|proceeds|margins?|net\s+assets|commissions|(?:amounts?|sums|consideration|payments)\s+(?:actually\s+)?(?:received|collected)|fees\s+(?:paid|received|collected|earned)\s+(?:by|from)|purchase\s+price\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:shares|securities|units|notes)\s+sold)\b/i,
    negatable: true,
  },
  // A sales commission, not a regulator ("agency or commission", "Exchange Commission").
  {
    kind: "revenue_share",
    label: "Commission",
    pattern:
      /\bcommissions?\s+(?:of|equal|at|on|payable|rate|shall|will)\b|\b(?:pay|earn|receive|paid)\w*\s+(?!from\s)(?:\w+\s+){0,3}?commissions?\b(?!\s+filing)|\bcash\s+commission/i,
    negatable: true,
    // "the Commission" capitalised is the securities regulator of the filing, not a fee.
    unless: /\bthe\s+Commission\b/,
  },
  // A split of what the business earns stated from the money's side ("the revenue from such use
  // shall be shared by the Parties", "Net Profits shall be divided sixty percent (60%) to …",
  // "Profits and losses shall be allocated in proportion to …", "a 50/50 profit split", "shall
  // split the net revenues equally", "participate in the net profits").
  {
    kind: "revenue_share",
    label: "Revenue or profit split",
    pattern:
      /\b(?:revenues?|profits?|proceeds|income|receipts|earnings)\s+(?:[\w-]+\s+){0,8}?(?:shall|will)\s+be\s+(?:equally\s+)?(?:shared|divided|split|apportioned|allocated|distributed)\b|\b(?:revenue|profit|income)s?\s+split\b|\b(?:split|divide)s?\s+(?:\w+\s+){0,3}?(?:revenues?|profits?|proceeds|income|receipts)\b|\bparticipat\w*\s+in\s+(?:the\s+)?(?:\w+\s+)?(?:profits?|revenues?|proceeds)\b|\b(?:profit|revenue)s?\s+participation\b/i,
    negatable: true,
  },
  // A fee that is a percentage of the value of what the other party transacts ("0.025% by the
  // amount of the average Transaction", "2% of the value of all orders placed").
  {
    kind: "revenue_share",
    label: "Percentage of transactions",
    pattern:
      /(?:%|\bpercent\b)\)?\s+(?:of|by|on)\s+(?:the\s+)?(?:(?:gross|net|total|average|aggregate)\s+)?(?:amount|value)\s+of\s+(?:the\s+|each\s+|all\s+|any\s+)?(?:[\w-]+\s+){0,2}?(?:transactions?|sales?|orders?|purchases?|bookings?)\b/i,
    negatable: true,
  },
  // Paid in the payer's own equity ("shall issue to Xencor shares of Aimmune Common Stock",
  // "will grant Dr. Murray options to purchase 25,000 shares"): the value shared moves with the
  // business, and CUAD reads it as revenue/profit sharing.
  {
    kind: "revenue_share",
    label: "Equity consideration",
    pattern:
      /\b(?:shall|will|agrees?\s+to)\s+(?:\w+\s+){0,2}?(?:issue|grant|deliver|receive)\s+(?:to\s+\S+\s+)?(?:\S+\s+){0,6}?(?:shares|options|warrants)\s+(?:of|to\s+purchase)\b/i,
    negatable: true,
  },
  // "no minimum purchase requirement", "not be required to purchase any minimum quantity" deny the
  // floor; the clause-wide denial would also drop "if Distributor does not meet the minimum", so
  // only the words right before "minimum" count.
  // A forecast that binds the buyer ("the first three months of each Forecast shall be binding")
  // and a commitment to spend or buy are floors too.
  {
    kind: "minimum_commitment",
    label: "Minimum commitment",
    pattern:
      /(?<!\b(?:no|without|nor)\s+(?:any\s+|such\s+)?)(?<!\bnot\s+(?:be\s+)?(?:required|obligated|obliged)\s+to\s+(?:purchase|order|buy|pay)\s+(?:any\s+|a\s+)?)\bminimum\s+(?:annual\s+|monthly\s+|quarterly\s+|aggregate\s+)?(?:purchase|order|commitment|quantit|volume|royalt|fee|payment|guarantee|sales|revenue)|\btake[- ]or[- ]pay\b|\bbinding\s+commitment\b|\bcommit(?:s|ted)?\s+to\s+(?:purchas|order|buy|spend|acquir)\w*\b|\bforecast\w*\b[^.]{0,80}\b(?:shall|will)\s+be\s+(?:firm|binding)\b|(?<!\bnon[- ]?)\bbinding\s+(?:forecast|purchase\s+order)s?\b|\bpurchase\s+commitment\b|(?<!\b(?:no|without|nor)\s+(?:any\s+|such\s+)?)(?<!\bnot\s+(?:be\s+)?(?:required|obligated|obliged)\s+to\s+(?:purchase|order|buy|pay)\s+(?:any\s+|a\s+)?)\bminimum\s+payments?\b|\bannual\s+milestones?\b|\b(?:shall|will|agrees\s+to)\s+(?:purchase|order|buy)\s+(?:at\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum)\b|\bguarantee[sd]?\s+(?:that\b[^.]{0,80})?(?:minimum|at\s+least)\b/i,
  },
  // Counted floors in drafting style: "a minimum of 100,000 … pagers", "a minimum of four (4)
  // times per year", "a minimum of [*] advertising impressions"; a notice period ("a minimum of
  // 60 days in advance") or an insurance amount is not a commitment.
  {
    kind: "minimum_commitment",
    label: "Counted minimum",
    notInDefinition: true,
    pattern:
      /(?<!\b(?:coverage|insurance|insured)\b[^.]{0,40})\b(?:(?:a|the|total)\s+)?minimum\s+of\s+(?!(?:\S+\s+){1,3}?(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?)\s+(?:in\s+advance|prior|before|notice|after)\b)(?:\d|\[|[a-z]+\s+\(|[a-z]+\s+(?:hundred|thousand|million))/i,
  },
  // Performance floors a distributor or promoter must meet ("minimum performance goals",
  // "annual and quarterly sale targets", "guarantees that it will deliver [*] click-throughs",
  // "if the Company is unable to sell a minimum of …", "fails to achieve … at least [*]%").
  {
    kind: "minimum_commitment",
    label: "Performance floor",
    pattern:
      /(?<!\b(?:no|without|nor)\s+(?:any\s+|such\s+)?)(?<!\bnot\s+(?:be\s+)?(?:required|obligated|obliged)\s+to\s+(?:purchase|order|buy|pay)\s+(?:any\s+|a\s+)?)\bminimum\s+(?:performance|purchas\w*|sales?)\s+(?:goals?|requirements?|targets?|levels?|quotas?)\b|\b(?:annual|quarterly|monthly)\s+(?:and\s+\w+\s+)?sales?\s+(?:targets?|quotas?)\b|\bguarantee[sd]?\s+(?:that\s+(?:it|they|\w+)\s+(?:will|shall)\s+)deliver\b|\b(?:fail\w*|unable)\s+to\s+(?:achieve|meet|sell|purchase|reach|attain)\b[^.]{0,60}\b(?:at\s+least|minimum|targets?|quotas?|thresholds?)\b/i,
  },
  // Any other floor the contract sets ("the minimum number of units", "Guaranteed Minimum
  // Purchases", "minimum pressures"): CUAD reads a stated minimum as a commitment unless it is a
  // standard of conduct ("at a minimum", "minimum standards"), a length of time or a notice, a
  // percentage, or sits in an insurance, tax, interest or law clause. A minimum (resale) price is a
  // price term.
  {
    kind: "minimum_commitment",
    label: "Stated minimum",
    notInDefinition: true,
    pattern:
      /^(?![^.]*\b(?:insurance|coverage|insured|tax(?:es)?|notice|laws?|statutory|interest)\b)[^.]*?(?<!\bat\s+a\s+)(?<!\b(?:no|without|nor)\s+(?:any\s+|such\s+)?)(?<!\bnot\s+(?:be\s+)?(?:required|obligated|obliged)\s+to\s+(?:purchase|order|buy|pay)\s+(?:any\s+|a\s+)?)\bminimum\b(?!\s+(?:of\s+)?(?:\S+\s+){0,2}?(?:standards?|requirements?|specifications?|notice|period|term|rates?|wage|age|extent|necessary|days?|months?|years?|hours?|percent|per\s*cent|investment|prices?|pricing)\b)(?![^.]*%)/i,
  },
  // A floor on what one party buys, orders or sells, wherever the verb sits ("commits to purchase
  // Products with an aggregate value of not less than $2,000,000", "shall achieve Net Sales of at
  // least $1,000,000", "shall sell at least 5,000 units"); the floor is an amount, so "each order
  // shall specify at least (i) the quantity" and "order at least 30 days before delivery" are not,
  // nor is a purchase price.
  {
    kind: "minimum_commitment",
    label: "Purchase or sales floor",
    negatable: true,
    pattern:
      /\b(?:purchas|order|buy|acquir|achiev|attain|generat|spend|sell)\w*\s+(?!prices?\b)(?:\S+\s+){0,8}?(?:at\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of)\s+(?!(?:\S+\s+){0,2}?(?:calendar\s+|business\s+)?(?:days?|weeks?|months?|years?)\b)(?=[$€£\d[*]|(?:[a-z-]+\s+){1,3}\(|(?:[a-z-]+\s+)?(?:hundred|thousand|million)|(?:the|an?)\s+(?:aggregate|total|amount|quantity|number|value|sum|volume|level)\b)/i,
  },
  // A requirements contract: a share of what the buyer needs must come from the seller ("no less
  // than eighty percent (80%) of its requirements", "all of its requirements of the Product").
  {
    kind: "minimum_commitment",
    label: "Requirements share",
    negatable: true,
    pattern:
      /(?:\ball|%\s*\)?)\s+of\s+(?:its|their|his|her|the\s+[\w-]+['’]s|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}?requirements\s+(?:of|for)\b/i,
  },
  // Take-or-pay in other words: the buyer pays for what it did not take ("shall pay for the
  // shortfall", "a Shortfall Payment"), and floors stated as a trigger ("if Net Sales are below
  // [***]").
  {
    kind: "minimum_commitment",
    label: "Shortfall or sales trigger",
    pattern:
      /\b(?:shortfall|deficiency)\s+(?:payment|amount|fee|charge)s?\b|\bpa(?:y|ys|id)\s+(?:for\s+)?(?:the\s+|any\s+|such\s+)?(?:shortfall|deficiency)\b|\b(?:sales|revenues?|purchases|orders|volumes?)\s+(?!prices?\b)(?:\S+\s+){0,4}?(?:are|is|fall|falls|be|were)\s+(?:less\s+than|below|under|lower\s+than)\b/i,
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
      /\bmost[- ]favou?red\s+(?:customer|nation|pricing|terms)|\bMFN\s+(?:pric\w+|terms?|clauses?|treatment|basis|rates?|provisions?)\b|\bprices?\s+(?:shall|will)\s+(?:not\s+(?:increase|exceed|be\s+increased)|remain\s+(?:fixed|firm))|\bprices?\s+(?:are|shall\s+be)\s+(?:fixed|firm)\b|\b(?:shall|may|will)\s+not\s+(?:increase|raise)\s+(?:the\s+|its\s+)?(?:prices?|fees?|rates?)\b|\bprice\s+(?:protection|guarantee)\b|\bno\s+(?:price\s+increases?|increases?\s+in\s+(?:the\s+)?(?:prices?|fees|rates))\b/i,
  },
  // Caps on price rises phrased around the price ("the prices listed in Exhibit A shall not be
  // increased during the first 90 days", "price changes will not exceed … any increase"), price
  // parity with other customers ("no less favorable than", "no greater than the lowest price"),
  // and resale floors or ceilings ("shall not resell … at a price below").
  {
    kind: "price_restriction",
    label: "Price cap or parity",
    pattern:
      /\bprices?\s+(?:[\w-]+\s+){1,4}?(?:shall|will|may)\s+not\s+(?:be\s+)?(?:increase|raise|exceed)|\bprice\s+(?:increases?|changes?|adjustments?)\s+(?:[\w-]+\s+){0,5}?(?:limited|capped|(?:shall|will|may)\s+not\s+exceed)|\b(?:prices?|pricing)\b[^.]{0,100}\b(?:no\s+(?:less|more)\s+favou?rable\s+than|no\s+(?:greater|higher)\s+than\s+(?:the\s+)?lowest)\b|\bno\s+less\s+favou?rable\s+than\b[^.]{0,100}\b(?:prices?|pricing)\b|\b(?:sell|resell|offer)\w*\s+(?:\S+\s+){0,5}?(?:at|for)\s+(?:a\s+)?prices?\s+(?:below|less\s+than|lower\s+than|above|higher\s+than|in\s+excess\s+of)\b/i,
  },
  // Limits on changing a price: not without consent, not more than once a year, held fixed,
  // or charged at no more than a stated amount.
  {
    kind: "price_restriction",
    label: "Price change limit",
    pattern:
      /\b(?:shall|will|may)\s+not\s+(?:\w+\s+){0,2}?(?:increase|raise|change|modify|reduce|decrease|lower)\s+(?:the\s+|its\s+|any\s+|such\s+)?(?:\w+\s+)?(?:prices?|pricing|fees|rates|charges)\b|\b(?:prices?|pricing|fees|rates)\s+(?:\S+\s+){0,6}?(?:remain|be\s+held)\s+(?:fixed|firm|constant|unchanged)\b|\b(?:charge|bill|invoice)\w*\s+(?:\S+\s+){0,4}?(?:no\s+more|not\s+more|no\s+higher|not\s+(?:to\s+)?exceed)\b|\bprices?\s+(?:increases?|changes?|adjustments?)\b[^.]{0,80}\bonce\s+(?:per|in\s+any|each|a|every)\b|\b(?:change|increase|adjust|modify)\w*\s+(?:the\s+|its\s+|any\s+)?(?:prices?|pricing)\b[^.]{0,60}\b(?:without|upon|with)\s+(?:the\s+)?(?:prior\s+)?(?:written\s+)?(?:consent|approval|agreement)/i,
  },
  // Prices or fees tied to an index move only as the index does.
  {
    kind: "price_restriction",
    label: "Price indexation",
    pattern:
      /\b(?:price|fee|rate|charge)s?\b[^.]{0,120}\b(?:increase|decrease|adjust)\w*\b[^.]{0,120}\b(?:consumer\s+price\s+index|CPI|retail\s+price\s+index|producer\s+price\s+index)\b/i,
  },
  // A price change held to a bound, in either order of words: "may increase prices once per year
  // by an amount not to exceed 3%", "Prices may be adjusted annually, provided that no adjustment
  // shall exceed 5%", "only with the prior written consent of Buyer"; notice of a change alone
  // leaves the price free.
  {
    kind: "price_restriction",
    label: "Bounded price change",
    pattern:
      /(?:\b(?:prices?|pricing|fees|rates|charges)\b[^.]{0,60}?\b(?:increas|rais|adjust|chang|revis|modif)\w*|\b(?:increas|rais|adjust|chang|revis|modif)\w*\s+(?:the\s+|its\s+|any\s+|such\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:prices?|pricing|fees|rates|charges)\b)[^.]{0,100}?\b(?:(?:not\s+(?:to\s+)?)?exceed|no\s+(?:more|greater)\s+than|limited\s+to|capped|once\s+(?:per|in\s+any|each|a|every)|prior\s+written\s+(?:consent|approval)|mutual(?:ly)?\s+(?:written\s+)?agree)/i,
  },
  // Parity with other buyers in other words: "If Supplier offers lower prices to any third party,
  // Supplier shall offer the same lower prices to Buyer", "the benefit of any lower price it
  // offers to other customers".
  {
    kind: "price_restriction",
    label: "Price parity",
    pattern:
      /^(?=[^.]*\b(?:other|third[- ]part\w*|any\s+(?:customer|purchaser|buyer|distributor|licensee|reseller)s?)\b)[^.]*?\b(?:lower|lowest|better|best|more\s+favou?rable)\s+(?:[\w-]+\s+){0,2}?(?:prices?|pricing|rates?)\b/i,
  },
  // Resale price terms and held prices: "below the minimum resale price established by Company",
  // "a maximum price", "a price ceiling", "prices … valid for twelve months", "the per-unit price
  // shall be reduced by 5% each year"; a price reduced by an amount owed is a set-off, a suggested
  // retail price binds no one, and an exchange's "maximum prices for trading" (a market-out
  // condition of an underwriting) is no price term between the parties.
  {
    kind: "price_restriction",
    label: "Resale, ceiling or held price",
    pattern:
      /\b(?:minimum|maximum)\s+(?:resale|retail|selling|sale|advertised)\s+prices?\b|\b(?:sell|resell|offer|advertis)\w*\s+(?:\S+\s+){0,5}?(?:below|above|less\s+than|lower\s+than|higher\s+than)\s+(?:the\s+|its\s+|such\s+)?(?:[\w-]+\s+){0,3}?prices?\b|\bprice\s+(?:freeze|ceiling|cap)s?\b|\b(?:ceiling|maximum)\s+prices?\b(?![^.]{0,40}\b(?:trading|exchanges?|securities)\b)|\b(?:prices?|pricing)\b[^.]{0,80}\b(?:valid|in\s+effect|guaranteed|locked|held)\s+(?:for|through|until|during)\b|\b(?:prices?|fees|rates)\s+(?:\S+\s+){0,4}?(?:be\s+)?(?:reduced|decreased|lowered)\s+by\s+[^.]{0,20}?(?:%|\bpercent\b)/i,
  },
  {
    kind: "volume_restriction",
    label: "Volume threshold",
    notInDefinition: true,
    pattern:
      /\bvolume\s+(?:limit|cap|restriction|threshold|commitment)s?\b(?![^.]{0,80}\bRule\s+144)|\b(?:in\s+excess\s+of|exceed(?:s|ing)?)\s+(?:\S+\s+){0,4}?(?:units|users|transactions|seats|impressions|copies|volume|quantit(?:y|ies))\b|\boverage\s+(?:fee|charge)s?\b|\b(?:shall|may)\s+not\s+(?:purchase|sell|order|distribute)\s+more\s+than\b/i,
  },
  // Counted caps in drafting style, "up to three (3) posts", "shall not exceed an aggregate of
  // [***] ([***]) hours"; lengths of time are durations, not volumes, and a cap of one is a
  // licence condition ("no more than one (1) copy").
  {
    kind: "volume_restriction",
    label: "Quantity cap",
    notInDefinition: true,
    pattern:
      /\b(?:up\s+to|maximum\s+of|no\s+more\s+than|not\s+(?:to\s+)?exceed)\s+(?:an?\s+(?:aggregate|total)\s+of\s+)?(?!one\s)(?:[a-z][a-z -]*|\[\*+\])\s\(\s*(?:\d[\d,]*|\[\*+\])\s*\)\s+(?!(?:calendar\s+|business\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|percent)\b)[a-z]/i,
  },
  // Stated maxima ("the maximum daily quantity of gas", "a Maximum Cap of hours") and capped
  // personal services ("available on not more than [*] days for … appearances", "one recording
  // session … of not more than two (2) hours").
  {
    kind: "volume_restriction",
    label: "Stated maximum",
    pattern:
      /\bmaximum\s+(?:daily\s+|weekly\s+|monthly\s+|annual\s+|hourly\s+|total\s+)?(?:quantit(?:y|ies)|cap\b)|\b(?:not|no)\s+more\s+than\s+(?:\S+\s+){1,3}?(?:hours|days)\s+(?:for|of|per|annually|each|in\s+any)\b|\b(?:sessions?|appearances?)\b[^.]{0,60}?\b(?:not|no)\s+more\s+than\s+(?:\S+\s+){1,3}?hours\b/i,
  },
  // Any other maximum the contract sets on what is ordered, shipped or supplied ("the maximum
  // monthly ship rate", "uniforms for up to a maximum of 12 personnel"), unless it caps money
  // (a price, fee, cost, liability, damages, insurance) or is a legal or aspirational limit
  // ("to the maximum extent permitted", "achieve the maximum volume"), a length of time ("the
  // maximum period of six (6) months", "within a maximum of two weeks"), a standard of effort
  // ("maximum professional skill and care"), a dose, or a percentage.
  {
    kind: "volume_restriction",
    label: "Maximum set",
    notInDefinition: true,
    pattern:
      /^(?![^.]*\b(?:insurance|coverage|liabilit(?:y|ies)|liable|responsible|damages|tax(?:es)?|interest|laws?|statutory|permitted|permissible|allowable|allowed|prices?|charges|fees|costs?)\b)[^.]*?(?<!\b(?:achieve|attain|reach|realize)s?\s+(?:the|its|their)\s+)\bmaximum\b(?!\s+(?:\S+\s+){0,2}?(?:extent|potential|protection|possible|benefit|period|term|duration|time|days?|weeks?|months?|years?|skill|care|efforts?|diligence|concentrations?|dose|dosage)\b)(?![^.]*%)/i,
  },
  // Orders held within a band around the forecast, or deliverables capped by value.
  {
    kind: "volume_restriction",
    label: "Forecast band",
    pattern:
      /\bforecast\w*\b[^.]{0,120}\b(?:by\s+more\s+than|in\s+excess\s+of)|\b(?:deviat\w*|var(?:y|ies|iance))\s+(?:\w+\s+){0,4}?from\s+(?:the\s+|its\s+|such\s+)?(?:applicable\s+|then[- ]current\s+)?(?:\w+\s+)?forecast|\bup\s+to\s+\$\S+\s+(?:\([^)]*\)\s+)?worth\s+of\b/i,
  },
  // Caps counted in digits or plain number words ("up to 10,000 units per year", "up to four
  // photography sessions", "may not make more than three copies", "up to 800 million KWH",
  // "limited to 5,000 units per month", "capped at 250 users"); a
  // length of time, a percentage, a sum of money ("up to FIVE THOUSAND Dollars") or a number of
  // shares or options is not a volume, nor is a cap of one.
  {
    kind: "volume_restriction",
    label: "Counted cap",
    notInDefinition: true,
    pattern: new RegExp(
      `\\b(?:up\\s+to|maximum\\s+of|limited\\s+to|capped\\s+at|(?:a\\s+)?(?:cap|limit)\\s+of|(?:no|not)\\s+(?:[a-z]+\\s+){0,2}?more\\s+than|not\\s+(?:to\\s+)?exceed)\\s+(?:an?\\s+(?:aggregate|total)\\s+of\\s+)?(?:[2-9]|\\d[\\d,]*\\d|${COUNT_WORDS})(?:\\s+(?:hundred|thousand|million|billion))?(?:\\s+\\([^)]*\\))?\\s+(?!(?:(?:calendar|business|consecutive|full|additional|further|successive|more|renewal|united\\s+states|u\\.?s\\.?)\\s+)?(?:days?|weeks?|months?|years?|quarters?|percent|per\\s*cent|dollars|euros|pounds|yen|cents|hundred|thousand|million|billion|times|renewals?|shares|options|warrants)\\b)[a-z]`,
      "i",
    ),
  },
  // A party need not supply or accept more than a bound ("shall not be obligated to supply more
  // than 120% of the forecasted quantity", "not required to accept orders in excess of the
  // forecast", "not to exceed the Capacity Allocation").
  {
    kind: "volume_restriction",
    label: "Supply bound",
    pattern:
      /\b(?:obligated|required|obliged|bound)\s+to\s+(?:supply|deliver|accept|fill|sell|manufacture|provide|purchase|ship)\s+(?:\S+\s+){0,6}?(?:more\s+than|in\s+excess\s+of|(?:quantities|volumes?)\s+(?:greater|larger)\s+than|beyond)\b|\b(?:in\s+excess\s+of|more\s+than|exceed\w*)\s+(?:\S+\s+){0,4}?(?:forecast\w*|capacity\s+allocation|allocated\s+(?:quantit\w+|capacity))\b/i,
  },
  {
    kind: "milestone",
    label: "Milestone payment",
    pattern:
      /\bmilestone\s+(?:payment|fee)s?\b|\bupon\s+(?:the\s+)?achievement\s+of\b[^.]{0,80}\b(?:pay|payment)/i,
  },
];
