import { type ChatRequest, findInPrompt, sectionAsked } from "@/tests/support/fake-chat-server";

const notFound = { value: null, display: "Not found", evidence: null };
/** A quote that is in no contract: the evidence rule must refuse it. */
export const INVENTED_QUOTE =
  "Liability under this Agreement shall never exceed one single dollar.";

/**
 * What a reasonable model might answer per section: governing law with a real quote from the
 * prompt's text, and two findings with invented quotes (the liability cap, the initial term)
 * that the provider must turn into "not found".
 */
export function answerLikeAModel(request: ChatRequest): string {
  switch (sectionAsked(request)) {
    case "identification":
      return JSON.stringify({
        identification: {
          title: notFound,
          parties: [],
          agreementDate: notFound,
          effectiveDate: notFound,
        },
      });
    case "term":
      return JSON.stringify({
        term: {
          initialTerm: {
            value: "P100Y",
            display: "100 years",
            evidence: {
              quote: "This Agreement shall last for one hundred years.",
              unit: 1,
              unitLabel: "page",
            },
          },
          expirationDate: notFound,
          perpetual: notFound,
          renewalTerm: { ...notFound, automatic: null },
          renewalNoticePeriod: notFound,
          terminationRights: [],
        },
      });
    case "consideration":
      return JSON.stringify({
        consideration: { amounts: [], paymentTerms: notFound, variableConsiderationSignals: [] },
      });
    case "performanceObligations":
      return JSON.stringify({ performanceObligations: [] });
    case "keyClauses": {
      const law = findInPrompt(request, /laws of the State of ([A-Z][a-z]+)/);
      const state = law ? /State of ([A-Z][a-z]+)/.exec(law.quote)?.[1] : null;
      return JSON.stringify({
        keyClauses: {
          governingLaw:
            law && state
              ? {
                  value: state,
                  display: state,
                  evidence: { quote: law.quote, unit: law.unit, unitLabel: "page" },
                }
              : notFound,
          liabilityCap: {
            value: "1",
            display: "Capped at $1",
            evidence: { quote: INVENTED_QUOTE, unit: 1, unitLabel: "page" },
          },
          exclusivity: notFound,
          nonCompete: notFound,
          assignment: notFound,
          confidentiality: notFound,
        },
      });
    }
    default:
      return "{}";
  }
}
