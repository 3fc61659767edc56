import path from "node:path";
import type { TFontDictionary } from "pdfmake/interfaces";

// PDFKit's built-in Helvetica only encodes WinAnsi, so "Łódź", "→" or "☐" would come out wrong.
// DejaVu Sans covers Latin, Greek, Cyrillic and most symbols contracts use; PDFKit embeds only
// the glyphs a memo uses, so the PDF stays small.
//
// The files are found from the project root, not with require.resolve: Next's bundler replaces
// require.resolve with a module id, while these literal paths stay paths and are traced into the
// build output. Web server, tests and scripts all run from the project root.
const fontFile = {
  normal: () => path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: () => path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italics: () =>
    path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
  bolditalics: () =>
    path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf"),
};

export const MEMO_PDF_FONT = "DejaVuSans";

/** Font files by pdfmake style, as absolute paths. */
export function memoPdfFonts(): TFontDictionary {
  return {
    [MEMO_PDF_FONT]: {
      normal: fontFile.normal(),
      bold: fontFile.bold(),
      italics: fontFile.italics(),
      bolditalics: fontFile.bolditalics(),
    },
  };
}

/** The only local files the PDF renderer may read: contract text never names a file. */
export function isMemoPdfFontFile(file: string): boolean {
  return Object.values(fontFile).some((resolve) => resolve() === file);
}
