export type AmountMatch = {
  /** Offsets into the searched text. */
  start: number;
  end: number;
  raw: string;
  /** Plain decimal string: "1000000", "2500.50". */
  value: string;
  /** ISO 4217 code, or null when the symbol is ambiguous. */
  currency: string | null;
};

// "(?!\\d|\\.\\d)": "$0.0001 par value" is not "$0".
const NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?(?!\\d|\\.\\d)";
const SCALE = "(?:\\s?(million|billion|thousand|mm|m|k)\\b)?";

// "$1,000,000", "US$ 5.5 million", "EUR 10,000", "€250".
const PREFIXED = new RegExp(
  `(?<![\\w$])(US\\s?\\$|U\\.S\\.\\s?\\$|USD\\s?\\$?|CAD\\s?\\$?|Cdn\\.?\\s?\\$|CDN\\s?\\$|C\\$|A\\$|AUD\\s?\\$?|HK\\$|S\\$|NZ\\$|EUR\\s?|€|GBP\\s?|£|JPY\\s?|¥|RMB\\s?|CNY\\s?|INR\\s?|Rs\\.?\\s?|CHF\\s?|\\$)\\s?${NUMBER}${SCALE}`,
  "gi",
);
// "10,000 Euros", "5 million U.S. dollars".
const SUFFIXED = new RegExp(
  `(?<![\\w$.,])${NUMBER}${SCALE}\\s?(U\\.S\\.\\s+dollars|US\\s+dollars|Canadian\\s+dollars|dollars|euros?|pounds\\s+sterling|USD|EUR|GBP|CAD|RMB|yuan|renminbi)\\b`,
  "gi",
);

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mm: 1e6,
  billion: 1e9,
};

function currencyFor(marker: string, dollar: string | null): string | null {
  const m = marker.replace(/\s+/g, " ").trim().toLowerCase();
  if (m === "$" || m === "dollars") return dollar;
  if (m.startsWith("us") || m.startsWith("u.s.")) return "USD";
  if (m.startsWith("cad") || m.startsWith("cdn") || m === "c$" || m.startsWith("canadian")) {
    return "CAD";
  }
  if (m.startsWith("a$") || m.startsWith("aud")) return "AUD";
  if (m === "hk$") return "HKD";
  if (m === "s$") return "SGD";
  if (m === "nz$") return "NZD";
  if (m.startsWith("eur") || m === "€") return "EUR";
  if (m.startsWith("gbp") || m === "£" || m.startsWith("pounds")) return "GBP";
  if (m.startsWith("jpy")) return "JPY";
  if (m.startsWith("rmb") || m.startsWith("cny") || m === "yuan" || m === "renminbi") return "CNY";
  if (m.startsWith("inr") || m.startsWith("rs")) return "INR";
  if (m.startsWith("chf")) return "CHF";
  return null; // "¥" alone could be yen or yuan
}

function toValue(integer: string, cents: string | undefined, scale: string | undefined): string {
  const base = Number(`${integer.replace(/,/g, "")}.${cents ?? "0"}`);
  const amount = base * (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1);
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/**
 * Monetary amounts in `text`, in order. `dollarCurrency` is what a bare "$" or "dollars" means in
 * this document (null when the document suggests a non-US dollar).
 */
export function findAmounts(text: string, dollarCurrency: string | null): AmountMatch[] {
  const found: AmountMatch[] = [];
  for (const m of text.matchAll(PREFIXED)) {
    const [raw, marker, integer, cents, scale] = m;
    if (!marker || !integer) continue;
    found.push({
      start: m.index,
      end: m.index + raw.length,
      raw: raw.trim(),
      value: toValue(integer, cents, scale),
      currency: currencyFor(marker, dollarCurrency),
    });
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const [raw, integer, cents, scale, marker] = m;
    if (!marker || !integer) continue;
    found.push({
      start: m.index,
      end: m.index + raw.length,
      raw: raw.trim(),
      value: toValue(integer, cents, scale),
      currency: currencyFor(marker, dollarCurrency),
    });
  }
  found.sort((a, b) => a.start - b.start);
  const result: AmountMatch[] = [];
  for (const match of found) {
    const last = result[result.length - 1];
    if (last && match.start < last.end) continue;
    result.push(match);
  }
  return result;
}
