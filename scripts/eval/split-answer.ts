/** CUAD joins several answers with ";" ("successive 12 months; successive 6 months;"). */
export function splitAnswer(raw: string): string[] {
  return raw
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** "[]/[]/2020", "successive [] years": the contract leaves the value blank. */
export function hasBlank(raw: string): boolean {
  return /\[\s*\]|_{2,}/.test(raw);
}
