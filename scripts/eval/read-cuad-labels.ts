import { parse } from "csv-parse/sync";
import type { CuadLabel, ExactField, FlagField } from "./types";

const EXACT_COLUMNS: Record<ExactField, string> = {
  governing_law: "Governing Law-Answer",
  agreement_date: "Agreement Date-Answer",
  effective_date: "Effective Date-Answer",
  expiration_date: "Expiration Date-Answer",
  renewal_term: "Renewal Term-Answer",
  notice_period: "Notice Period To Terminate Renewal-Answer",
};

const FLAG_COLUMNS: Record<FlagField, string> = {
  revenue_profit_sharing: "Revenue/Profit Sharing-Answer",
  price_restrictions: "Price Restrictions-Answer",
  minimum_commitment: "Minimum Commitment-Answer",
  volume_restriction: "Volume Restriction-Answer",
};

// CUAD's headers are not uniformly spaced ("Notice Period To Terminate Renewal- Answer").
const headerKey = (name: string) => name.replace(/\s+/g, "").toLowerCase();

function mapColumns<K extends string>(
  columns: Record<K, string>,
  find: (name: string) => number,
): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(columns) as K[]) out[key] = find(columns[key]);
  return out;
}

/** labels.csv (CUAD master_clauses subset) → one record per contract that has a PDF. */
export function readCuadLabels(csv: string): CuadLabel[] {
  // RFC 4180: CUAD answers hold quoted commas, doubled quotes and newlines.
  const [header, ...rows]: string[][] = parse(csv);
  if (!header) throw new Error("labels.csv is empty");
  const keys = header.map(headerKey);
  const find = (name: string) => {
    const at = keys.indexOf(headerKey(name));
    if (at === -1) throw new Error(`labels.csv has no column "${name}"`);
    return at;
  };
  const pdf = find("pdf_file");
  const txt = find("txt_file");
  const parties = find("Parties-Answer");
  const exact = mapColumns(EXACT_COLUMNS, find);
  const flags = mapColumns(FLAG_COLUMNS, find);
  const cell = (row: string[], at: number) => (row[at] ?? "").trim();
  const pick = <K extends string>(row: string[], at: Record<K, number>) => {
    const out = {} as Record<K, string>;
    for (const key of Object.keys(at) as K[]) out[key] = cell(row, at[key]);
    return out;
  };
  return rows
    .filter((row) => cell(row, pdf) !== "")
    .map((row) => ({
      pdfFile: cell(row, pdf),
      txtFile: cell(row, txt),
      answers: { parties: cell(row, parties), exact: pick(row, exact), flags: pick(row, flags) },
    }));
}
