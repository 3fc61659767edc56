import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { parsePartyNames } from "@/scripts/eval/parse-party-names";
import { CONTRACTS_DIR } from "./load-contract";

export type ContractLabels = {
  txtFile: string;
  governingLaw: string;
  parties: string[];
};

export function readLabels(): ContractLabels[] {
  const [header, ...rows]: string[][] = parse(
    readFileSync(path.join(CONTRACTS_DIR, "labels.csv"), "utf8"),
  );
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
      parties: parsePartyNames(r[parties] ?? ""),
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
