import { z } from "zod";

/**
 * Stored analysis result (analyses.result, analyses.result_version). Bump `version` on any
 * breaking change so stored rows can be migrated or re-rendered knowingly.
 *
 * Every finding carries the quote it rests on. A quote is a span of the cited unit's text with
 * runs of whitespace collapsed to one space (see `collapseWhitespace`), at most 300 characters.
 * "Not found" is `value: null, evidence: null`; a value without evidence is rejected.
 */

/** Stored next to the result (analyses.result_version). */
export const ANALYSIS_RESULT_VERSION = 1;

export const unitLabelSchema = z.enum(["page", "paragraph"]);

export const evidenceSchema = z.object({
  quote: z.string().min(1).max(300),
  /** 1-based page or paragraph number, per `unitLabel`. */
  unit: z.number().int().positive(),
  unitLabel: unitLabelSchema,
});

const findingShape = {
  /** Normalized: ISO date, ISO-8601 duration (P1Y), jurisdiction name, decimal amount, or a code. */
  value: z.string().nullable(),
  /** Human-readable rendering of the finding, or "Not found". */
  display: z.string(),
  evidence: evidenceSchema.nullable(),
};

// zod 4 objects with refinements cannot be extended, so every finding-like object is built from
// `findingShape` and gets this rule applied separately.
const hasEvidenceForValue = (f: { value: string | null; evidence: unknown }) =>
  f.value === null || f.evidence !== null;
const evidenceRule = { message: "a finding with a value must carry evidence" };

export const findingSchema = z.object(findingShape).refine(hasEvidenceForValue, evidenceRule);

export const partySchema = z
  .object({
    ...findingShape,
    /** The defined term the contract uses for the party, e.g. "Licensee" or "Corio". */
    definedAs: z.string().nullable(),
    /** The defined term when it names a contractual role (Licensee, Customer, Supplier, …). */
    role: z.string().nullable(),
  })
  .refine(hasEvidenceForValue, evidenceRule);

export const terminationKindSchema = z.enum([
  "convenience",
  "breach",
  "insolvency",
  "change_of_control",
  "other",
]);

export const terminationRightSchema = z
  .object({
    ...findingShape,
    kind: terminationKindSchema,
    /** Who holds the right: "Either party" or a party's defined term; null when unclear. */
    party: z.string().nullable(),
    /** ISO-8601 duration of the notice required, when stated. */
    noticePeriod: z.string().nullable(),
  })
  .refine(hasEvidenceForValue, evidenceRule);

export const renewalTermSchema = z
  .object({
    ...findingShape,
    /** True when renewal happens without action ("automatically renew"); null when unknown. */
    automatic: z.boolean().nullable(),
  })
  .refine(hasEvidenceForValue, evidenceRule);

export const amountSchema = z
  .object({
    ...findingShape,
    /** ISO 4217 code when the contract makes it clear; null for a bare "$" in a non-US context. */
    currency: z.string().nullable(),
  })
  .refine(hasEvidenceForValue, evidenceRule);

export const variableConsiderationKindSchema = z.enum([
  "royalty",
  "revenue_share",
  "minimum_commitment",
  "rebate",
  "penalty",
  "price_restriction",
  "volume_restriction",
  "milestone",
]);

export const variableConsiderationSignalSchema = z
  .object({ ...findingShape, kind: variableConsiderationKindSchema })
  .refine(hasEvidenceForValue, evidenceRule);

export const obligationKindSchema = z.enum(["license", "service", "goods", "support", "other"]);
export const obligationTimingSchema = z.enum(["over_time", "point_in_time", "unknown"]);

export const performanceObligationSchema = z.object({
  /** The promising party's defined term or name; null when the sentence does not say. */
  party: z.string().nullable(),
  description: z.string(),
  kind: obligationKindSchema,
  timing: obligationTimingSchema,
  /** Why the timing was chosen, in a sentence a reviewer can check. */
  timingBasis: z.string(),
  evidence: evidenceSchema,
});

export const riskCodeSchema = z.enum([
  "auto_renewal",
  "uncapped_liability",
  "no_termination_for_convenience",
  "termination_for_convenience",
  "exclusivity",
  "non_compete",
  "variable_consideration",
  "minimum_commitment",
  "price_restriction",
  "penalty",
  "perpetual_term",
  "missing_governing_law",
]);

export const riskSeveritySchema = z.enum(["low", "medium", "high"]);

export const riskFlagSchema = z.object({
  code: riskCodeSchema,
  severity: riskSeveritySchema,
  explanation: z.string(),
  /** Null when the flag is about something the contract does not contain. */
  evidence: evidenceSchema.nullable(),
});

export const analysisResultSchema = z.object({
  version: z.literal(ANALYSIS_RESULT_VERSION),
  identification: z.object({
    title: findingSchema,
    parties: z.array(partySchema),
    agreementDate: findingSchema,
    effectiveDate: findingSchema,
  }),
  term: z.object({
    /** ISO-8601 duration of the initial term. */
    initialTerm: findingSchema,
    /** ISO date; stated, or computed from the initial term (then `display` says so). */
    expirationDate: findingSchema,
    /** value "perpetual" when the agreement runs until terminated. */
    perpetual: findingSchema,
    renewalTerm: renewalTermSchema,
    /** ISO-8601 duration of notice needed to stop a renewal. */
    renewalNoticePeriod: findingSchema,
    terminationRights: z.array(terminationRightSchema),
  }),
  consideration: z.object({
    amounts: z.array(amountSchema),
    paymentTerms: findingSchema,
    variableConsiderationSignals: z.array(variableConsiderationSignalSchema),
  }),
  performanceObligations: z.array(performanceObligationSchema),
  keyClauses: z.object({
    governingLaw: findingSchema,
    liabilityCap: findingSchema,
    exclusivity: findingSchema,
    nonCompete: findingSchema,
    assignment: findingSchema,
    confidentiality: findingSchema,
  }),
  riskFlags: z.array(riskFlagSchema),
});

export type AnalysisResult = z.infer<typeof analysisResultSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type Party = z.infer<typeof partySchema>;
export type TerminationKind = z.infer<typeof terminationKindSchema>;
export type TerminationRight = z.infer<typeof terminationRightSchema>;
export type RenewalTerm = z.infer<typeof renewalTermSchema>;
export type Amount = z.infer<typeof amountSchema>;
export type VariableConsiderationKind = z.infer<typeof variableConsiderationKindSchema>;
export type VariableConsiderationSignal = z.infer<typeof variableConsiderationSignalSchema>;
export type ObligationKind = z.infer<typeof obligationKindSchema>;
export type ObligationTiming = z.infer<typeof obligationTimingSchema>;
export type PerformanceObligation = z.infer<typeof performanceObligationSchema>;
export type RiskCode = z.infer<typeof riskCodeSchema>;
export type RiskSeverity = z.infer<typeof riskSeveritySchema>;
export type RiskFlag = z.infer<typeof riskFlagSchema>;
export type Identification = AnalysisResult["identification"];
export type TermSection = AnalysisResult["term"];
export type ConsiderationSection = AnalysisResult["consideration"];
export type KeyClauses = AnalysisResult["keyClauses"];
