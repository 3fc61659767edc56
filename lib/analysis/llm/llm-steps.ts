import { z } from "zod";
import type { AnalysisDraft } from "../analysis-draft";
import { deriveRiskFlags } from "../derive-risk-flags";
import { type AnalysisResult, analysisResultSchema } from "../result-schema";
import { ANALYSIS_STEPS } from "../steps";
import { type DocumentIndex, getDocumentIndex } from "../text/document-index";
import type { AnalysisStep, AnalysisStepId, ExtractedText } from "../types";
import type { ChatClient, ChatMessage } from "./chat-client";
import { enforceEvidence, truncateQuotes } from "./enforce-evidence";
import { promptDocumentText } from "./prompt-budget";
import type { UsageMeter } from "./usage-meter";

type SectionKey =
  | "identification"
  | "term"
  | "consideration"
  | "performanceObligations"
  | "keyClauses";

const SECTION_OF: Record<AnalysisStepId, SectionKey> = {
  identify: "identification",
  term: "term",
  consideration: "consideration",
  obligations: "performanceObligations",
  clauses: "keyClauses",
};

const WHAT: Record<SectionKey, string> = {
  identification:
    "the contract's title, its parties (name, the defined term used for each, e.g. Licensee, and whether that term is a contractual role), the agreement date and the effective date",
  term: "the initial term, the expiration date (stated, or computed from the term and start date), whether it is perpetual, the renewal term (and whether renewal is automatic), the notice period to stop a renewal, and every termination right (who, on what grounds, with what notice)",
  consideration:
    "every monetary amount with its currency, the payment terms (due period or billing frequency), and signals of variable consideration (royalties, revenue or profit sharing, minimum commitments, rebates, penalties, price and volume restrictions, milestones)",
  performanceObligations:
    "what each party must deliver (licences, services, goods, support), with whether each is satisfied over time or at a point in time and why",
  keyClauses:
    "governing law, liability cap, exclusivity, non-compete, assignment and confidentiality",
};

function buildMessages(key: SectionKey, index: DocumentIndex, draft: AnalysisDraft): ChatMessage[] {
  const schema = z.toJSONSchema(analysisResultSchema.shape[key], { io: "input" });
  const context =
    key === "identification" || !draft.identification
      ? ""
      : `\nAlready identified (use these parties' defined terms when naming who promises what):\n${JSON.stringify(draft.identification)}\n`;
  return [
    {
      role: "system",
      content: [
        "You review contracts for an accountant preparing an ASC 606 memo.",
        `Find ${WHAT[key]}.`,
        `Answer with one JSON object {"${key}": …} whose value matches this JSON Schema:`,
        JSON.stringify(schema),
        "Rules: use only the contract text below. Every finding that has a value needs evidence:",
        `"quote" copied word for word from the text (at most 300 characters), "unit" the number of the [${index.unitLabel} N] marker it is under, "unitLabel" "${index.unitLabel}".`,
        'If the contract does not say, give value null, display "Not found" and evidence null; never guess.',
        "Normalize values: dates as YYYY-MM-DD, durations as ISO-8601 (P1Y, P30D), jurisdictions as the state or country name, amounts as plain decimals.",
      ].join("\n"),
    },
    { role: "user", content: `${context}\nContract text:\n\n${promptDocumentText(index)}` },
  ];
}

function parseReply(content: string, key: SectionKey): unknown {
  try {
    const parsed: unknown = JSON.parse(content);
    // Accept both {"term": {…}} and the bare section.
    return typeof parsed === "object" && parsed !== null && key in parsed
      ? (parsed as Record<string, unknown>)[key]
      : parsed;
  } catch {
    return undefined;
  }
}

function assignSection<K extends SectionKey>(
  draft: AnalysisDraft,
  key: K,
  value: AnalysisResult[K],
) {
  draft[key] = value;
}

async function runLlmStep(
  id: AnalysisStepId,
  deps: { client: ChatClient; meter: UsageMeter },
  text: ExtractedText,
  draft: AnalysisDraft,
  signal: AbortSignal | undefined,
): Promise<void> {
  const key = SECTION_OF[id];
  const index = getDocumentIndex(text, signal);
  const messages = buildMessages(key, index, draft);
  const schema = analysisResultSchema.shape[key];
  let problem = "";
  // One more try when the answer is not valid JSON for the schema; transport errors are the SDK's.
  for (let attempt = 1; attempt <= 2; attempt++) {
    const reply = await deps.client.complete(messages, signal);
    deps.meter.add(reply);
    const parsed = schema.safeParse(truncateQuotes(parseReply(reply.content, key)));
    if (parsed.success) {
      assignSection(draft, key, enforceEvidence(parsed.data, index).section);
      if (id === "clauses") draft.riskFlags = deriveRiskFlags(draft);
      return;
    }
    problem = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
  }
  throw new Error(`The model's ${key} answer did not match the result schema (${problem})`);
}

/**
 * The five analysis steps answered by an LLM: same ids, labels and draft sections as the local
 * engine, the same result schema and the same evidence rule (a quote must be words of the page
 * it cites, else "not found"); risk flags come from the same rules over the model's findings.
 */
export function createLlmSteps(client: ChatClient, meter: UsageMeter): AnalysisStep[] {
  return ANALYSIS_STEPS.map((step) => ({
    ...step,
    run: (text, draft, signal) => runLlmStep(step.id, { client, meter }, text, draft, signal),
  }));
}
