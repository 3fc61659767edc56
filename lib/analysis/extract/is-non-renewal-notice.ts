// What stops a renewal: notice of non-renewal, or of termination at the end of a term.
const NON_RENEWAL =
  /\b(?:not|non)[- ]?renew|\bnot\s+to\s+(?:renew|extend)|\bintent(?:ion)?\s+to\s+terminate|\bterminat\w*\b[^.]{0,80}\b(?:at|as\s+of|upon|effective\s+(?:at|as\s+of|upon))\s+the\s+(?:end|expiration|expiry)\b/i;
// Notice counted back from the end of a term ("sixty (60) days prior to the expiration").
const BEFORE_END =
  /\b(?:prior\s+to|before|preceding|in\s+advance\s+of)\s+(?:the\s+)?(?:(?:then[- ]current|initial|renewal|applicable|current|relevant)\s+)?(?:expiration|expiry|end|termination\s+date|anniversary|renewal\s+date)\b/i;
// "shall renew … unless either party gives notice": the notice opts out of the renewal.
const UNLESS_NOTICE = /\bunless\b[^.]{0,200}\b(?:notice|notif\w*)\b/i;
// Notice that exercises an option to renew starts a renewal; it does not stop one.
const EXERCISE =
  /\bto\s+exercise\b|\bexercis\w+\s+(?:its|the|this|such|an?)\s+(?:option|right)|\belect\w*\s+to\s+(?:renew|extend)\b/i;

export type RenewalSentence = "none" | "automatic" | "optional";

/**
 * Whether a sentence's notice period is the notice needed to stop a renewal, as opposed to a
 * notice to terminate at any time, to exercise a renewal option, or a payment deadline.
 * `renewal`: whether the sentence itself provides for renewal, and how.
 */
export function isNonRenewalNotice(text: string, renewal: RenewalSentence): boolean {
  const stops = NON_RENEWAL.test(text);
  // "Customer may renew … by giving notice 90 days before expiry" asks for a renewal.
  if ((EXERCISE.test(text) || renewal === "optional") && !stops) return false;
  const renewalSentence = renewal !== "none";
  return stops || BEFORE_END.test(text) || (renewalSentence && UNLESS_NOTICE.test(text));
}
