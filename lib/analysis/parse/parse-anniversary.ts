import type { DurationMatch } from "./parse-duration";

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  fifteenth: 15,
  twentieth: 20,
  twenty_fifth: 25,
};

// "the fifth (5th) anniversary of the Effective Date", "the 3rd anniversary of the date hereof".
// Only anniversaries of the agreement's own start count; "the first anniversary of the First
// Commercial Sale" is a milestone, not the term.
const ANNIVERSARY = new RegExp(
  `\\b(?:the\\s+)?(?:(${Object.keys(ORDINALS)
    .map((w) => w.replace("_", "[\\s-]"))
    .join(
      "|",
    )})|(\\d{1,2})\\s?(?:st|nd|rd|th))\\s*(?:\\(\\s*(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s*\\)\\s*)?` +
    `anniversary\\s+of\\s+(?:the\\s+)?(?:effective\\s+date|commencement\\s+date|date\\s+(?:hereof|of\\s+this\\s+(?:agreement|contract))|execution\\s+date|date\\s+of\\s+execution)\\b`,
  "i",
);

/** The first anniversary of the agreement's start in `text`, as a whole-year duration. */
export function findAnniversary(text: string): DurationMatch | null {
  const m = ANNIVERSARY.exec(text);
  if (!m) return null;
  const word = m[1]?.toLowerCase().replace(/[\s-]+/, "_");
  const amount = m[3] ? Number(m[3]) : m[2] ? Number(m[2]) : word ? ORDINALS[word] : undefined;
  if (!amount) return null;
  return {
    start: m.index,
    end: m.index + m[0].length,
    raw: m[0],
    amount,
    unit: "Y",
    iso: `P${amount}Y`,
  };
}
