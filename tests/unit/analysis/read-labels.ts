import { readFileSync } from "node:fs";
import path from "node:path";
import { CONTRACTS_DIR } from "./load-contract";

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export type ContractLabels = {
  txtFile: string;
  governingLaw: string;
  parties: string[];
};

/** CUAD's "Parties-Answer" → plain names: `A ("X"); B ("Y")(…)` → ["A", "B"]. */
export function partyNamesFromAnswer(answer: string): string[] {
  const aliases = new Set(
    [...answer.matchAll(/["“]([^"“”]+)["”]/g)].map((m) => (m[1] ?? "").toLowerCase()),
  );
  const names: string[] = [];
  for (const part of answer.split(";")) {
    let name = part;
    // Drop defined terms and asides, innermost first: ("Fox"), ("parties" and each…).
    for (let i = 0; i < 3; i++) name = name.replace(/\([^()]*\)/g, "");
    name = name
      .replace(/[()]/g, "")
      .replace(/,?\s+an?\s+(?:subsidiary|division|corporation|company)\b.*$/i, "")
      .replace(/\s+/g, " ")
      .trim();
    if (name === "" || /\b(?:individually|collectively|referred|each as)\b/i.test(name)) continue;
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

export function readLabels(): ContractLabels[] {
  const [header, ...rows] = parseCsv(readFileSync(path.join(CONTRACTS_DIR, "labels.csv"), "utf8"));
  if (!header) throw new Error("labels.csv is empty");
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at === -1) throw new Error(`labels.csv has no column ${name}`);
    return at;
  };
  const txt = column("txt_file");
  const law = column("Governing Law-Answer");
  const parties = column("Parties-Answer");
  return rows
    .filter((r) => (r[txt] ?? "") !== "")
    .map((r) => ({
      txtFile: r[txt] ?? "",
      governingLaw: r[law] ?? "",
      parties: partyNamesFromAnswer(r[parties] ?? ""),
    }));
}

/** Jurisdiction names compared loosely: "Province of Ontario, Canada" ~ "Ontario, Canada". */
export function normalizeJurisdiction(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(?:the|state|commonwealth|province|of)\b/g, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
}

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .split(/\s+/)
    .filter(
      (t) =>
        t !== "" &&
        !/^(?:inc|incorporated|corporation|corp|company|co|ltd|limited|llc|l|p|lp|llp|gmbh|b|v|s|r|a|n|the|plc|and|of)$/.test(
          t,
        ),
    );
}

/** Whether an extracted party name refers to a labelled one (case, suffixes, word order aside). */
export function samePartyName(found: string, expected: string): boolean {
  const a = nameTokens(found);
  const b = nameTokens(expected);
  if (a.length === 0 || b.length === 0) return false;
  const shared = b.filter((t) => a.includes(t)).length;
  // Most of the label's distinctive words appear in the extracted name.
  return shared / b.length >= 0.6;
}
