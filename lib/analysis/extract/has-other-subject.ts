// Where a new clause starts inside a term sentence: a semicolon, "provided that", or "and"/"but"
// before a new subject and its verb ("…, and Distributor shall purchase …").
const CLAUSE_START =
  /;|\bprovided(?:,)?\s+(?:that|however)\b|,?\s+(?:and|but|except\s+that)\s+(?=(?:(?!(?:and|or|that|which|shall|will|may|must|is|are)\b)[A-Za-z][\w'’-]*\s+){1,5}(?:shall|will|may|must|is|are)\b)/gi;
const MODAL = /\b(?:shall|will|may|must|is|are)\b/i;
// The agreement or its term as the subject.
const TERM_SUBJECT = /\b(?:agreement|contract|term|it)\b/i;

/**
 * Whether the clause holding offset `at` has its own subject other than the agreement or its
 * term: in "This Agreement shall commence on March 1, 2008 and Distributor shall purchase minimum
 * quantities until December 31, 2009" the date ends the purchases, not the agreement.
 */
export function hasOtherSubject(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 200), at);
  let clauseStart = 0;
  for (const m of before.matchAll(CLAUSE_START)) clauseStart = m.index + m[0].length;
  if (clauseStart === 0) return false;
  const clause = before.slice(clauseStart);
  const modal = MODAL.exec(clause);
  if (!modal) return false;
  return !TERM_SUBJECT.test(clause.slice(0, modal.index));
}
