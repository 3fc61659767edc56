// "If Franchisee fails to cure …, this Agreement will terminate …", "Following expiration, …":
// a condition or a later time before the clause makes it a ground for termination or a
// post-term rule, not the term.
const CONDITION_BEFORE =
  /\b(?:if|in\s+the\s+event|in\s+case|should|(?:following|after)\s+(?:the\s+)?(?:expiration|expiry|termination))\b/i;
// "The confidentiality obligations of this Agreement shall continue in perpetuity", "The
// indemnities in this Agreement shall continue until …": a part of the agreement as the subject.
// ("The provisions of this Agreement shall not be terminable" is the whole agreement.)
const PART_OF_AGREEMENT_BEFORE =
  /\b(?:obligations?|sections?|articles?|indemnit(?:y|ies)|covenants?|warrant(?:y|ies)|restrictions?|confidentiality|rights?|licen[cs]es?|grants?|amounts?)\s+(?:[\w-]+\s+){0,3}?(?:of|under|in)\s+(?:this\s+|the\s+)?$/i;

/**
 * Whether wording that would end (or never end) the agreement, matched at `at`, is said of
 * something else: under a condition, after the term, or of a part of the agreement.
 */
export function isOtherTermSubject(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return CONDITION_BEFORE.test(before) || PART_OF_AGREEMENT_BEFORE.test(before.slice(-80));
}
