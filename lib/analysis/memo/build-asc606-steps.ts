import { describeDuration } from "../parse/parse-duration";
import type {
  AnalysisResult,
  ObligationKind,
  ObligationTiming,
  PerformanceObligation,
} from "../result-schema";
import type { MemoBlock, MemoListItem, MemoRun, MemoSection } from "./memo-model";
import { cite, found, joinRuns, plain, quoted, stated, strong } from "./memo-runs";

const MAX_AMOUNTS_LISTED = 8;
const EXCERPT_LENGTH = 160;

const paragraph = (...runs: MemoRun[]): MemoBlock => ({ kind: "paragraph", runs });
const list = (items: MemoRun[][]): MemoBlock => ({
  kind: "list",
  items: items.map((runs): MemoListItem => ({ runs })),
});
const step = (heading: string, blocks: MemoBlock[]): MemoSection => ({
  heading,
  blocks,
  subsections: [],
});

/** A quote cut to a readable excerpt; the full quote stays in the result. */
function shorten(quote: string): string {
  if (quote.length <= EXCERPT_LENGTH) return quote;
  const cut = quote.lastIndexOf(" ", EXCERPT_LENGTH);
  return `${quote.slice(0, cut > 0 ? cut : EXCERPT_LENGTH)}…`;
}

function buildStep1(result: AnalysisResult): MemoSection {
  const { identification: id, term, consideration, keyClauses } = result;
  const title: MemoRun[] = id.title.value
    ? [plain("“"), found(id.title.value), plain("”"), ...cite(id.title.evidence)]
    : [plain("The agreement")];
  const parties = id.parties.map((p) => [found(p.display), ...cite(p.evidence)]);
  const opening =
    parties.length > 0
      ? paragraph(...title, plain(" is between "), ...joinRuns(parties, "; "), plain("."))
      : paragraph(
          ...title,
          plain(" — the parties could not be identified from the preamble; confirm them manually."),
        );
  const facts: MemoRun[][] = [
    [
      plain("Agreement date: "),
      ...stated(id.agreementDate, "not found"),
      plain("; effective date: "),
      ...stated(id.effectiveDate, "not stated separately"),
      plain("."),
    ],
  ];
  if (term.perpetual.value !== null) {
    facts.push([plain("Duration: "), ...stated(term.perpetual, ""), plain(".")]);
  }
  facts.push(
    [
      plain("Initial term: "),
      ...stated(term.initialTerm, "not found"),
      plain("; expiration: "),
      ...stated(term.expirationDate, "not found"),
      plain("."),
    ],
    [
      plain("Renewal: "),
      ...stated(term.renewalTerm, "none found"),
      plain("; notice to prevent renewal: "),
      ...stated(term.renewalNoticePeriod, "not found"),
      plain("."),
    ],
    [
      plain("Payment terms: "),
      ...stated(consideration.paymentTerms, "not found"),
      plain(". Governing law: "),
      ...stated(keyClauses.governingLaw, "not found"),
      plain("."),
    ],
  );
  const convenience = term.terminationRights.filter((r) => r.kind === "convenience");
  const termination =
    convenience.length > 0
      ? paragraph(
          plain("Termination for convenience: "),
          ...joinRuns(
            convenience.map((r) => [found(r.display), ...cite(r.evidence)]),
            "; ",
          ),
          plain(
            ". If the customer can terminate without a substantive penalty, the ASC 606 contract term may be limited to the non-cancellable period (ASC 606-10-25-3).",
          ),
        )
      : paragraph(
          plain(
            "No termination-for-convenience right was found, so the stated term is the starting point for the contract duration (ASC 606-10-25-3).",
          ),
        );
  return step("Step 1 — Identify the contract", [
    opening,
    list(facts),
    termination,
    paragraph(
      plain(
        "The reviewer must still confirm the criteria of ASC 606-10-25-1 that text alone cannot settle: approval and commitment of the parties (signatures), commercial substance, and that collection of the consideration is probable.",
      ),
    ),
  ]);
}

const KIND_LABELS: Record<ObligationKind, string> = {
  license: "Licence",
  service: "Services",
  goods: "Goods",
  support: "Support",
  other: "Other promise",
};
const TIMING_LABELS: Record<ObligationTiming, string> = {
  over_time: "over time",
  point_in_time: "at a point in time",
  unknown: "timing to be determined",
};

/** "**Licence** — Licensee", the lead of an obligation's line in steps 2 and 5. */
function obligationLead(o: PerformanceObligation): MemoRun[] {
  return [strong(KIND_LABELS[o.kind]), ...(o.party ? [plain(" — "), found(o.party)] : [])];
}

function buildStep2(result: AnalysisResult): MemoSection {
  const heading = "Step 2 — Identify the performance obligations";
  const obligations = result.performanceObligations;
  if (obligations.length === 0) {
    return step(heading, [
      paragraph(
        plain(
          "No candidate performance obligations were detected. Review the grant, services and supply clauses manually.",
        ),
      ),
    ]);
  }
  const blocks = [
    paragraph(plain("Candidate promises to transfer goods or services:")),
    list(
      obligations.map((o) => [
        ...obligationLead(o),
        plain(": "),
        found(o.description),
        ...cite(o.evidence),
      ]),
    ),
    paragraph(
      plain(
        "Assess whether each promise is capable of being distinct and distinct in the context of the contract (ASC 606-10-25-19 to 25-22); promises that are inputs to a combined output form one performance obligation.",
      ),
    ),
  ];
  const kinds = new Set(obligations.map((o) => o.kind));
  if (kinds.has("license") && (kinds.has("service") || kinds.has("support"))) {
    blocks.push(
      paragraph(
        plain(
          "The contract combines a licence with services or support: consider whether the licence is distinct from them (ASC 606-10-55-56).",
        ),
      ),
    );
  }
  return step(heading, blocks);
}

function buildStep3(result: AnalysisResult): MemoSection {
  const { amounts, paymentTerms, variableConsiderationSignals: signals } = result.consideration;
  const blocks: MemoBlock[] = [];
  if (amounts.length === 0) {
    blocks.push(
      paragraph(
        plain(
          "No monetary amounts were found in the text (amounts may be redacted or in schedules).",
        ),
      ),
    );
  } else {
    const listed = amounts
      .slice(0, MAX_AMOUNTS_LISTED)
      .map((amount) => [found(amount.display), ...cite(amount.evidence)]);
    if (amounts.length > MAX_AMOUNTS_LISTED) {
      listed.push([plain(`…and ${amounts.length - MAX_AMOUNTS_LISTED} more.`)]);
    }
    blocks.push(
      paragraph(plain("Amounts stated in the contract:")),
      list(listed),
      paragraph(
        plain(
          "Which of these are fixed consideration for the promised goods or services (rather than caps, thresholds or third-party amounts) needs review.",
        ),
      ),
    );
  }
  blocks.push(
    paragraph(plain("Payment terms: "), ...stated(paymentTerms, "not found"), plain(".")),
  );
  if (paymentTerms.value && /^P\d+D$/.test(paymentTerms.value)) {
    blocks.push(
      paragraph(
        plain(
          `Payment within ${describeDuration(paymentTerms.value)} suggests no significant financing component (ASC 606-10-32-18 practical expedient), unless performance and payment are otherwise far apart.`,
        ),
      ),
    );
  }
  if (signals.length === 0) {
    blocks.push(
      paragraph(
        plain(
          "No variable-consideration wording (royalties, revenue shares, rebates, penalties, minimums) was detected.",
        ),
      ),
    );
  } else {
    blocks.push(
      paragraph(
        plain(
          "Variable consideration and price constraints to estimate (ASC 606-10-32-5 to 32-14):",
        ),
      ),
      list(
        signals.map((s) => [
          found(s.display),
          ...cite(s.evidence),
          ...(s.evidence ? [plain(": "), ...quoted(shorten(s.evidence.quote))] : []),
        ]),
      ),
    );
    if (signals.some((s) => s.kind === "royalty" || s.kind === "revenue_share")) {
      blocks.push(
        paragraph(
          plain(
            "Sales- or usage-based royalties on a licence of IP are recognized when the sale or usage occurs (ASC 606-10-55-65), not estimated up front.",
          ),
        ),
      );
    }
  }
  return step("Step 3 — Determine the transaction price", blocks);
}

function buildStep4(result: AnalysisResult): MemoSection {
  const count = result.performanceObligations.length;
  const blocks: MemoBlock[] = [];
  if (count <= 1) {
    blocks.push(
      paragraph(
        plain(
          count === 1
            ? "Only one candidate performance obligation was identified; if confirmed, the whole transaction price is allocated to it."
            : "No performance obligations were identified, so allocation cannot be assessed from the text.",
        ),
      ),
    );
  } else {
    blocks.push(
      paragraph(
        plain(
          `${count} candidate performance obligations were identified. Allocate the transaction price on relative standalone selling prices (ASC 606-10-32-28 to 32-41); the contract does not state standalone selling prices, so they must be estimated.`,
        ),
      ),
    );
  }
  if (result.consideration.variableConsiderationSignals.length > 0 && count > 1) {
    blocks.push(
      paragraph(
        plain(
          "Consider whether variable amounts relate entirely to one obligation and can be allocated to it alone (ASC 606-10-32-39 to 32-41).",
        ),
      ),
    );
  }
  return step("Step 4 — Allocate the transaction price", blocks);
}

function buildStep5(result: AnalysisResult): MemoSection {
  const heading = "Step 5 — Recognize revenue";
  if (result.performanceObligations.length === 0) {
    return step(heading, [
      paragraph(
        plain(
          "Without identified performance obligations, the pattern of recognition cannot be proposed.",
        ),
      ),
    ]);
  }
  return step(heading, [
    list(
      result.performanceObligations.map((o) => [
        ...obligationLead(o),
        plain(`: ${TIMING_LABELS[o.timing]}. `),
        found(o.timingBasis),
        ...cite(o.evidence),
      ]),
    ),
  ]);
}

/** The five ASC 606 steps, written from the findings with citations. */
export function buildAsc606Steps(result: AnalysisResult): MemoSection[] {
  return [
    buildStep1(result),
    buildStep2(result),
    buildStep3(result),
    buildStep4(result),
    buildStep5(result),
  ];
}
