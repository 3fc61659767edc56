/** A governing-law jurisdiction as the result stores it. */
export type Jurisdiction = {
  /** Normalized name: "California", "Ontario, Canada", "England and Wales", "Netherlands". */
  name: string;
  /** For display: "California, United States". */
  description: string;
};

const US_STATES = [
  "Alabama",
  "Alaska",
  "Arizona",
  "Arkansas",
  "California",
  "Colorado",
  "Connecticut",
  "Delaware",
  "Florida",
  "Georgia",
  "Hawaii",
  "Idaho",
  "Illinois",
  "Indiana",
  "Iowa",
  "Kansas",
  "Kentucky",
  "Louisiana",
  "Maine",
  "Maryland",
  "Massachusetts",
  "Michigan",
  "Minnesota",
  "Mississippi",
  "Missouri",
  "Montana",
  "Nebraska",
  "Nevada",
  "New Hampshire",
  "New Jersey",
  "New Mexico",
  "New York",
  "North Carolina",
  "North Dakota",
  "Ohio",
  "Oklahoma",
  "Oregon",
  "Pennsylvania",
  "Rhode Island",
  "South Carolina",
  "South Dakota",
  "Tennessee",
  "Texas",
  "Utah",
  "Vermont",
  "Virginia",
  "Washington",
  "West Virginia",
  "Wisconsin",
  "Wyoming",
  "District of Columbia",
  "Puerto Rico",
];

const CANADIAN_PROVINCES = [
  "Ontario",
  "Quebec",
  "British Columbia",
  "Alberta",
  "Manitoba",
  "Saskatchewan",
  "Nova Scotia",
  "New Brunswick",
  "Newfoundland and Labrador",
  "Prince Edward Island",
];

const AUSTRALIAN_STATES = ["New South Wales", "Queensland", "Victoria", "Western Australia"];

// Alias (lowercase) → normalized country name.
const COUNTRIES: Record<string, string> = {
  "united states of america": "United States",
  "united states": "United States",
  usa: "United States",
  "u.s.a.": "United States",
  "england and wales": "England and Wales",
  england: "England",
  "united kingdom": "United Kingdom",
  scotland: "Scotland",
  "northern ireland": "Northern Ireland",
  "republic of ireland": "Ireland",
  ireland: "Ireland",
  "federal republic of germany": "Germany",
  germany: "Germany",
  france: "France",
  "the netherlands": "Netherlands",
  netherlands: "Netherlands",
  switzerland: "Switzerland",
  italy: "Italy",
  spain: "Spain",
  portugal: "Portugal",
  belgium: "Belgium",
  luxembourg: "Luxembourg",
  austria: "Austria",
  sweden: "Sweden",
  norway: "Norway",
  denmark: "Denmark",
  finland: "Finland",
  poland: "Poland",
  greece: "Greece",
  cyprus: "Cyprus",
  malta: "Malta",
  israel: "Israel",
  india: "India",
  "republic of india": "India",
  "people's republic of china": "People's Republic of China",
  "people 's republic of china": "People's Republic of China",
  "peoples republic of china": "People's Republic of China",
  "p.r.c.": "People's Republic of China",
  prc: "People's Republic of China",
  china: "People's Republic of China",
  "hong kong": "Hong Kong",
  taiwan: "Taiwan",
  japan: "Japan",
  singapore: "Singapore",
  "republic of korea": "South Korea",
  "south korea": "South Korea",
  korea: "South Korea",
  australia: "Australia",
  "new zealand": "New Zealand",
  "papua new guinea": "Papua New Guinea",
  canada: "Canada",
  mexico: "Mexico",
  brazil: "Brazil",
  argentina: "Argentina",
  chile: "Chile",
  "cayman islands": "Cayman Islands",
  bermuda: "Bermuda",
  "british virgin islands": "British Virgin Islands",
  "united arab emirates": "United Arab Emirates",
  "south africa": "South Africa",
  philippines: "Philippines",
  thailand: "Thailand",
  malaysia: "Malaysia",
  indonesia: "Indonesia",
  vietnam: "Vietnam",
  "russian federation": "Russia",
  russia: "Russia",
  "czech republic": "Czech Republic",
  hungary: "Hungary",
  romania: "Romania",
  turkey: "Turkey",
  bahamas: "Bahamas",
  barbados: "Barbados",
  panama: "Panama",
  colombia: "Colombia",
  peru: "Peru",
  uruguay: "Uruguay",
  venezuela: "Venezuela",
  "costa rica": "Costa Rica",
  egypt: "Egypt",
  nigeria: "Nigeria",
  kenya: "Kenya",
  pakistan: "Pakistan",
  "sri lanka": "Sri Lanka",
  "saudi arabia": "Saudi Arabia",
  "kingdom of saudi arabia": "Saudi Arabia",
  qatar: "Qatar",
  kuwait: "Kuwait",
  jordan: "Jordan",
  ukraine: "Ukraine",
  slovakia: "Slovakia",
  slovenia: "Slovenia",
  croatia: "Croatia",
  bulgaria: "Bulgaria",
  estonia: "Estonia",
  latvia: "Latvia",
  lithuania: "Lithuania",
  iceland: "Iceland",
  liechtenstein: "Liechtenstein",
  monaco: "Monaco",
  gibraltar: "Gibraltar",
  "isle of man": "Isle of Man",
  macau: "Macau",
  macao: "Macau",
  "marshall islands": "Marshall Islands",
  liberia: "Liberia",
  mauritius: "Mauritius",
  curacao: "Curaçao",
  "u.s.": "United States",
  "great britain": "United Kingdom",
  "republic of singapore": "Singapore",
  "hong kong special administrative region": "Hong Kong",
  "hong kong sar": "Hong Kong",
  "p.r. china": "People's Republic of China",
  "pr china": "People's Republic of China",
  "mainland china": "People's Republic of China",
  "grand duchy of luxembourg": "Luxembourg",
  "emirate of dubai": "Dubai",
  dubai: "Dubai",
  "abu dhabi": "Abu Dhabi",
  // Accented spellings of names listed above.
  québec: "Quebec, Canada",
  curaçao: "Curaçao",
};

// "subject to the application of the Italian Law".
const ADJECTIVES: Record<string, string> = {
  italian: "Italy",
  german: "Germany",
  french: "France",
  english: "England",
  dutch: "Netherlands",
  swiss: "Switzerland",
  israeli: "Israel",
  indian: "India",
  chinese: "People's Republic of China",
  japanese: "Japan",
  spanish: "Spain",
  irish: "Ireland",
  swedish: "Sweden",
  canadian: "Canada",
  australian: "Australia",
  singaporean: "Singapore",
  korean: "South Korea",
  mexican: "Mexico",
  brazilian: "Brazil",
  belgian: "Belgium",
  austrian: "Austria",
  danish: "Denmark",
  norwegian: "Norway",
  finnish: "Finland",
  polish: "Poland",
  scottish: "Scotland",
  taiwanese: "Taiwan",
  "english and welsh": "England and Wales",
};

const byAlias = new Map<string, Jurisdiction>();
for (const state of US_STATES) {
  byAlias.set(state.toLowerCase(), { name: state, description: `${state}, United States` });
}
for (const province of CANADIAN_PROVINCES) {
  const name = `${province}, Canada`;
  byAlias.set(province.toLowerCase(), { name, description: name });
}
for (const state of AUSTRALIAN_STATES) {
  const name = `${state}, Australia`;
  byAlias.set(state.toLowerCase(), { name, description: name });
}
for (const [alias, country] of Object.entries(COUNTRIES)) {
  byAlias.set(alias, { name: country, description: country });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// PDF text often sets the apostrophe of "People's Republic" as a typographic one.
const APOSTROPHES = /['’]/g;
// Longest first so "New York" wins over "York"-like prefixes and "England and Wales" over "England".
const ALIAS_PATTERN = [...byAlias.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  // PDF text keeps line breaks and runs of spaces inside names ("New\nYork").
  .map((alias) => alias.replace(/ /g, "\\s+").replace(APOSTROPHES, "['’]"))
  .join("|");

/** Matches a jurisdiction name at the start of a string ("the State of New York, without…"). */
const LEADING = new RegExp(
  `^(?:the\\s+)?(?:(?:state|commonwealth|province|republic|kingdom|country|federal\\s+republic|grand\\s+duchy|emirate)\\s+of\\s+)?(?:the\\s+)?(${ALIAS_PATTERN})(?![A-Za-z])`,
  "i",
);
/** Any jurisdiction name anywhere, for "laws thereof" look-backs. */
export const JURISDICTION_ANYWHERE = new RegExp(
  `(?<![A-Za-z])(?:state|commonwealth|province)\\s+of\\s+(?:the\\s+)?(${ALIAS_PATTERN})(?![A-Za-z])`,
  "gi",
);
/** "Italian law", "New York law", "Delaware law", "New York State law", "the State of Utah's laws". */
export const JURISDICTION_BEFORE_LAW = new RegExp(
  `(?<![A-Za-z])(${ALIAS_PATTERN}|${Object.keys(ADJECTIVES).join("|")})(?:\\s+state)?(?:['’]s)?\\s+laws?(?![A-Za-z])`,
  "gi",
);

export function lookupJurisdiction(alias: string): Jurisdiction | null {
  const key = alias.replace(/\s+/g, " ").replace(APOSTROPHES, "'").trim().toLowerCase();
  const direct = byAlias.get(key);
  if (direct) return direct;
  const country = ADJECTIVES[key];
  return country ? { name: country, description: country } : null;
}

/** The jurisdiction named at the start of `text`, if any. */
export function readLeadingJurisdiction(text: string): Jurisdiction | null {
  const m = LEADING.exec(text);
  return m?.[1] ? lookupJurisdiction(m[1]) : null;
}
