// Articles and punctuation carry no identity ("The Naked Brands Group" = "Naked Brands Group").
const IGNORED = new Set(["the", "a", "an"]);
// Legal forms are spelled both ways in the same contract ("Limited" in the preamble, "Ltd." in
// the signature block); one spelling each, so the choice does not count as a different name.
const SAME_AS: Record<string, string> = {
  limited: "ltd",
  incorporated: "inc",
  corporation: "corp",
  company: "co",
};

/** Lowercase word tokens of a list of names, as a bag (repeats count). */
export function tokenizePartyNames(names: readonly string[]): string[] {
  return names
    .join(" ")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "" && !IGNORED.has(t))
    .map((t) => SAME_AS[t] ?? t);
}

/**
 * SQuAD-style token F1 between the labelled party names and the engine's, over all names of a
 * contract at once (so order and how names are split do not matter). Both empty is a match.
 */
export function scorePartyF1(expected: readonly string[], found: readonly string[]): number {
  const want = tokenizePartyNames(expected);
  const got = tokenizePartyNames(found);
  if (want.length === 0 && got.length === 0) return 1;
  if (want.length === 0 || got.length === 0) return 0;
  const remaining = new Map<string, number>();
  for (const t of want) remaining.set(t, (remaining.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const left = remaining.get(t) ?? 0;
    if (left > 0) {
      overlap += 1;
      remaining.set(t, left - 1);
    }
  }
  if (overlap === 0) return 0;
  const precision = overlap / got.length;
  const recall = overlap / want.length;
  return (2 * precision * recall) / (precision + recall);
}
