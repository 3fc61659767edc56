/**
 * The memo's page and paragraph references ("p. 12", "page 12", "¶ 4") as Markdown links to
 * `#page-12` / `#paragraph-4`, which the memo view turns into buttons opening the cited unit.
 * Text already inside a link or inline code is left alone.
 */
const REFERENCE =
  /(\[[^\]]*\]\([^)]*\)|`[^`]*`)|\b(?:(pp?\.)|([Pp]age))\s?(\d{1,4})\b|¶\s?(\d{1,5})\b/g;

export function linkUnitReferences(markdown: string): string {
  return markdown.replace(
    REFERENCE,
    (match, skipped: string | undefined, _abbr, _word, page: string | undefined, para) => {
      if (skipped) return match;
      if (page) return `[${match}](#page-${page})`;
      return `[${match}](#paragraph-${para})`;
    },
  );
}

/** The unit a `#page-N` / `#paragraph-N` link points at, or null for any other link. */
export function unitOfReference(
  href: string | undefined,
): { unit: number; unitLabel: "page" | "paragraph" } | null {
  const match = /^#(page|paragraph)-(\d+)$/.exec(href ?? "");
  if (!match) return null;
  return { unitLabel: match[1] as "page" | "paragraph", unit: Number(match[2]) };
}
