import type { AnalysisResult, TermSection } from "@/lib/analysis/result-schema";
import { parseIsoDay, parseIsoDuration } from "@/lib/dates/iso-calendar";
import type { ContractTerms } from "@/lib/db/schema";
import { classifyContractType } from "./classify-contract-type";

/** The `contract_terms` columns that come from the result (not the row's keys or timestamps). */
export type DerivedContractTerms = Omit<ContractTerms, "analysisId" | "userId" | "updatedAt">;

/**
 * The key terms of one analysis result, as stored in `contract_terms`. Pure: the same result
 * always gives the same row, so the capture and the backfill agree. Values the engine wrote in
 * a shape Postgres or the date math cannot take (a malformed date, a duration with hours) are
 * dropped rather than stored.
 */
export function deriveContractTerms(result: AnalysisResult): DerivedContractTerms {
  const { identification, term, keyClauses, riskFlags } = result;
  const parties = unique(identification.parties.map((p) => clean(p.value)));
  const expirationDate = isoDay(term.expirationDate.value);
  const autoRenews = term.renewalTerm.automatic;
  return {
    resultVersion: result.version,
    title: clean(identification.title.value),
    contractType: classifyContractType(result),
    counterparty: counterpartyOf(identification.parties),
    parties,
    // "Effective as of the date first written above": without a separate effective date, the
    // agreement date is when the contract starts.
    effectiveDate:
      isoDay(identification.effectiveDate.value) ?? isoDay(identification.agreementDate.value),
    expirationDate,
    // The engine says "(computed: 5 years from …)" in the display when it added the initial
    // term to the start date rather than reading a stated end date.
    expirationEstimated:
      expirationDate !== null && /\bcomputed\b/i.test(term.expirationDate.display),
    perpetual: term.perpetual.value === "perpetual",
    autoRenews,
    renewalTerm: isoDuration(term.renewalTerm.value),
    noticePeriod: noticePeriodOf(term, autoRenews),
    governingLaw: clean(keyClauses.governingLaw.value),
    riskCodes: unique(riskFlags.map((f) => f.code)),
    highRiskCount: riskFlags.filter((f) => f.severity === "high").length,
  };
}

/**
 * The notice that stops the contract running on: the stated non-renewal notice; failing that,
 * for a contract that renews automatically, the notice of a termination-for-convenience right
 * that the user can use whichever side they are on ("either party", or a holder the contract
 * does not name) — the only way out of an automatic renewal the contract then gives both
 * sides. A one-sided right is not used: we cannot tell whether the user holds it.
 */
function noticePeriodOf(term: TermSection, autoRenews: boolean | null): string | null {
  const stated = isoDuration(term.renewalNoticePeriod.value);
  if (stated || autoRenews !== true) return stated;
  for (const right of term.terminationRights) {
    if (right.kind !== "convenience") continue;
    if (right.party !== null && !/^either\b|^each\b|^any\b/i.test(right.party.trim())) continue;
    const notice = isoDuration(right.noticePeriod);
    if (notice) return notice;
  }
  return null;
}

/**
 * The other side: we cannot know which party the user is, so the first party named (usually
 * the one the preamble defines first, the drafter's side) is taken as "ours" and the next party
 * that is not on its side (not sharing its defined term, as "the White Hat Parties" do) as the
 * counterparty.
 */
function counterpartyOf(parties: AnalysisResult["identification"]["parties"]): string | null {
  const named = parties.filter((p) => clean(p.value) !== null);
  const [first, ...rest] = named;
  if (!first) return null;
  const side = first.definedAs?.trim().toLowerCase();
  const other =
    rest.find((p) => !side || p.definedAs?.trim().toLowerCase() !== side) ?? rest[0] ?? null;
  return other && clean(other.value) !== clean(first.value) ? clean(other.value) : null;
}

function isoDay(value: string | null): string | null {
  return parseIsoDay(value) ? value : null;
}

function isoDuration(value: string | null): string | null {
  return parseIsoDuration(value) ? value : null;
}

function clean(value: string | null): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

function unique<T>(values: ReadonlyArray<T | null>): T[] {
  return [...new Set(values.filter((v): v is T => v !== null))];
}
