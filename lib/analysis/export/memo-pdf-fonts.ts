import { createRequire } from "node:module";
import path from "node:path";
import type { TFontDictionary } from "pdfmake/interfaces";

// PDFKit's built-in Helvetica only encodes WinAnsi, so "Müller", "Łódź" or "→" would come out
// wrong. DejaVu Sans covers Latin, Greek, Cyrillic and most symbols contracts use; PDFKit embeds
// only the glyphs a memo uses, so the PDF stays small.
const FONT_FILES = {
  normal: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italics: "DejaVuSans-Oblique.ttf",
  bolditalics: "DejaVuSans-BoldOblique.ttf",
} as const;

export const MEMO_PDF_FONT = "DejaVuSans";

let fontDirectory: string | undefined;

/** The package's ttf folder, resolved at run time so the server reads it from node_modules. */
function resolveFontDirectory(): string {
  fontDirectory ??= path.join(
    path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")),
    "ttf",
  );
  return fontDirectory;
}

/** Font files by pdfmake style, as absolute paths. */
export function memoPdfFonts(): TFontDictionary {
  const dir = resolveFontDirectory();
  return {
    [MEMO_PDF_FONT]: {
      normal: path.join(dir, FONT_FILES.normal),
      bold: path.join(dir, FONT_FILES.bold),
      italics: path.join(dir, FONT_FILES.italics),
      bolditalics: path.join(dir, FONT_FILES.bolditalics),
    },
  };
}

/** The only local files the PDF renderer may read: contract text never names a file. */
export function isMemoPdfFontFile(file: string): boolean {
  const dir = resolveFontDirectory();
  return Object.values(FONT_FILES).some((name) => path.join(dir, name) === file);
}
