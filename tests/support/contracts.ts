import fs from "node:fs";
import path from "node:path";

/** The CUAD sample contracts beside the repo (../shared/contracts; see its ATTRIBUTION.txt). */
export const CONTRACTS_DIR = path.resolve(import.meta.dirname, "../../../shared/contracts");

/** The smallest PDFs first: quick to analyze, still real contracts. */
export function contractPdfs(): { name: string; file: string; bytes: number }[] {
  const dir = path.join(CONTRACTS_DIR, "pdf");
  return fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".pdf"))
    .map((name) => ({
      name,
      file: path.join(dir, name),
      bytes: fs.statSync(path.join(dir, name)).size,
    }))
    .sort((a, b) => a.bytes - b.bytes);
}

export function readContract(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(file));
}
