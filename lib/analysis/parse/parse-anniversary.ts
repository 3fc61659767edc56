import { UNIT_ORDINALS } from "./number-words";
import { type DurationMatch, durationMatch, findDurations } from "./parse-duration";

// "the twenty-fourth month", "the thirty-sixth month": tens and a unit ordinal, spelled out.
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60 };
const ORDINALS: Record<string, number> = { ...UNIT_ORDINALS };
for (const [tens, t] of Object.entries(TENS)) {
  for (const [unit, u] of Object.entries(UNIT_ORDINALS)) {
    if (u < 10) ORDINALS[`${tens}_${unit}`] = t + u;
  }
}

// What an anniversary is counted from: only the agreement's own start counts; "the first
// anniversary of the First Commercial Sale" is a milestone, not the term.
const OF_START =
  "anniversary\\s+(?:thereof\\b|of\\s+(?:the\\s+)?(?:effective\\s+date|commencement\\s+date|date\\s+(?:hereof|of\\s+this\\s+(?:agreement|contract))|execution\\s+date|date\\s+of\\s+execution)\\b)";

// "the fifth (5th) anniversary of the Effective Date", "the 3rd anniversary of the date hereof".
const ANNIVERSARY = new RegExp(
  `\\b(?:the\\s+)?(?:(${Object.keys(ORDINALS)
    .map((w) => w.replace("_", "[\\s-]"))
    .join(
      "|",
    )})|(\\d{1,2})\\s?(?:st|nd|rd|th))\\s*(?:\\(\\s*(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s*\\)\\s*)?${OF_START}`,
  "i",
);
// "the four (4) year anniversary of the Effective Date", "the four-year anniversary of …": a
// count of years written as a duration.
const YEAR_ANNIVERSARY = new RegExp(`[\\s-]*${OF_START}`, "iy");

// "expire at the end of the fifth (5th) Contract Year", "continue until the end of the third
// (3rd) year following the Effective Date", "the last day of the thirty-sixth (36th) month
// following the Effective Date": the end of the Nth year (month) of the term is N years (months).
// "December 31 of the fifth full calendar year following the Effective Date" is N years too, run
// on to the year's end (`roundTermEnd`).
const END_OF_NTH_PERIOD = new RegExp(
  `\\b(?:end|last\\s+day|expiration|december\\s+31(?:st)?)\\s+of\\s+the\\s+(?:(${Object.keys(
    ORDINALS,
  )
    .map((w) => w.replace("_", "[\\s-]"))
    .join(
      "|",
    )})|(\\d{1,2})\\s?(?:st|nd|rd|th)|[a-z]+(?:[\\s-][a-z]+)?(?=\\s*\\(\\s*\\d))\\s*(?:\\(\\s*(\\d{1,2})\\s?(?:st|nd|rd|th)?\\s*\\)\\s*)?(?:(?:contract|agreement|license|licence|(?:full\\s+)?calendar)\\s+)?(year|month)\\b(?!\\s+(?:of|after|following)\\s+(?!(?:the\\s+)?(?:effective\\s+date|commencement\\s+date|date\\s+hereof))[a-z])`,
  "i",
);

function cardinalAnniversary(text: string): DurationMatch | null {
  for (const d of findDurations(text)) {
    if (d.unit !== "Y") continue;
    YEAR_ANNIVERSARY.lastIndex = d.end;
    const m = YEAR_ANNIVERSARY.exec(text);
    if (m) return { ...d, end: d.end + m[0].length, raw: text.slice(d.start, d.end + m[0].length) };
  }
  return null;
}

/** The first anniversary of the agreement's start in `text`, as a whole-year duration. */
export function findAnniversary(text: string): DurationMatch | null {
  const m = ANNIVERSARY.exec(text) ?? END_OF_NTH_PERIOD.exec(text);
  const cardinal = cardinalAnniversary(text);
  if (!m) return cardinal;
  if (cardinal && cardinal.start < m.index) return cardinal;
  const word = m[1]?.toLowerCase().replace(/[\s-]+/, "_");
  const amount = m[3] ? Number(m[3]) : m[2] ? Number(m[2]) : word ? ORDINALS[word] : undefined;
  if (!amount) return null;
  const unit = m[4]?.toLowerCase() === "month" ? "M" : "Y";
  return durationMatch(m.index, m[0], amount, unit);
}
