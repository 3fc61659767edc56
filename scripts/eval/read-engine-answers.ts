import type { AnalysisResult, VariableConsiderationKind } from "@/lib/analysis/result-schema";
import { canonicalizeDuration, PERPETUAL } from "./normalize-duration-answer";
import { canonicalizeJurisdiction } from "./normalize-jurisdiction-answer";
import type { EngineAnswers, FlagField } from "./types";

/** Which variable-consideration signals answer each CUAD Yes/No column. */
export const FLAG_SIGNAL_KINDS: Record<FlagField, readonly VariableConsiderationKind[]> = {
  revenue_profit_sharing: ["revenue_share", "royalty"],
  price_restrictions: ["price_restriction"],
  minimum_commitment: ["minimum_commitment"],
  volume_restriction: ["volume_restriction"],
};

const duration = (value: string | null) => (value === null ? null : canonicalizeDuration(value));

/**
 * The engine's result in the label's terms. Two readings need saying: the effective date is the
 * engine's own, with no fallback to the agreement date, because CUAD labels one only when the
 * contract says when it takes effect (the engine then gives the agreement date itself when the
 * contract takes effect on its date or at signing; a contract silent on it has an empty label:
 * in the dev half, 10 of the 14 dated contracts that never use the word "effective"); and
 * "expiration" is the stated or computed end date, else "perpetual" when the engine found that
 * the agreement runs until terminated.
 */
export function readEngineAnswers(result: AnalysisResult): EngineAnswers {
  const { identification: id, term, consideration, keyClauses } = result;
  const kinds = new Set(consideration.variableConsiderationSignals.map((s) => s.kind));
  const flag = (field: FlagField) => FLAG_SIGNAL_KINDS[field].some((k) => kinds.has(k));
  const law = keyClauses.governingLaw.value;
  return {
    exact: {
      governing_law: law === null ? null : canonicalizeJurisdiction(law),
      agreement_date: id.agreementDate.value,
      effective_date: id.effectiveDate.value,
      expiration_date: term.expirationDate.value ?? (term.perpetual.value ? PERPETUAL : null),
      renewal_term: duration(term.renewalTerm.value),
      notice_period: duration(term.renewalNoticePeriod.value),
    },
    parties: id.parties.map((p) => p.value).filter((v): v is string => v !== null),
    flags: {
      revenue_profit_sharing: flag("revenue_profit_sharing"),
      price_restrictions: flag("price_restrictions"),
      minimum_commitment: flag("minimum_commitment"),
      volume_restriction: flag("volume_restriction"),
    },
  };
}
