// Where a party's name ends in CUAD's answer: its defined term (`("Fox")`) or an aside
// (`(formerly known as …)`, `(each a "Party")`). Capitalized parentheses stay: "DATEC (PNG) LIMITED".
const NAME_END = /\s*\(\s*(?=["“”']|[a-z])/;
const ASIDE = /\b(?:individually|collectively|referred|each\s+as)\b/i;

/** Splits on ";" outside (…) and […]: `("Pretzel Time"; "FRANCHISOR")` is one part. */
function splitTopLevel(answer: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const c of answer) {
    if (c === "(" || c === "[") depth += 1;
    if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    if (c === ";" && depth === 0) {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** `(A ("X"); B ("Y"))`: an answer wrapped whole in parentheses. */
function unwrap(answer: string): string {
  const trimmed = answer.trim();
  if (!trimmed.startsWith("(") || !trimmed.endsWith(")")) return trimmed;
  let depth = 0;
  for (let i = 0; i < trimmed.length; i++) {
    if (trimmed[i] === "(") depth += 1;
    if (trimmed[i] === ")") depth -= 1;
    if (depth === 0 && i < trimmed.length - 1) return trimmed;
  }
  return trimmed.slice(1, -1);
}

/**
 * CUAD's "Parties-Answer" → plain names: `A ("X"); B ("Y")(…)` → ["A", "B"]. Defined terms,
 * "collectively the Parties" asides and restatements of defined terms ("Company and AGI") are
 * not names of parties, so they are dropped.
 */
export function parsePartyNames(answer: string): string[] {
  const aliases = new Set(
    [...answer.matchAll(/["“]([^"“”]+)["”]/g)].map((m) => (m[1] ?? "").toLowerCase()),
  );
  const names: string[] = [];
  for (const part of splitTopLevel(unwrap(answer))) {
    const name = (part.trim().split(NAME_END)[0] ?? "")
      .replace(/,?\s+an?\s+(?:subsidiary|division|corporation|company)\b.*$/i, "")
      // CUAD's "f/s/o Dwayne Wade": "for services of", not part of the name.
      .replace(/^f\/s\/o\s+/i, "")
      .replace(/\s+/g, " ")
      .replace(/[\s,;:]+$/, "")
      .trim();
    if (name === "" || name.startsWith("(") || ASIDE.test(name)) continue;
    // "Company and AGI": a restatement of defined terms, not another party.
    const pieces = name
      .toLowerCase()
      .split(/\s*(?:,|\band\b|&)\s*/)
      .filter(Boolean);
    if (pieces.length > 1 && pieces.every((p) => aliases.has(p))) continue;
    names.push(name);
  }
  return names;
}
