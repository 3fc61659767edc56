import { describe, expect, it } from "vitest";
import {
  parsePdfimagesList,
  parsePdfinfoPage,
  renderedPixels,
} from "@/lib/ocr/parse-page-geometry";
import { parseTesseractTsv } from "@/lib/ocr/parse-tesseract-tsv";
import { repairOcrText } from "@/lib/ocr/repair-ocr-text";

const row = (cells: (string | number)[]) => cells.join("\t");
const HEADER =
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

describe("parseTesseractTsv", () => {
  const tsv = [
    HEADER,
    row([1, 1, 0, 0, 0, 0, 0, 0, 1000, 2000, -1, ""]),
    row([2, 1, 1, 0, 0, 0, 100, 100, 500, 100, -1, ""]),
    row([5, 1, 1, 1, 1, 1, 100, 100, 200, 40, 96.5, "ARTICLE"]),
    row([5, 1, 1, 1, 1, 2, 320, 100, 40, 40, 91.5, "1"]),
    row([5, 1, 1, 1, 2, 1, 100, 150, 300, 40, 90, "Definitions."]),
    row([5, 1, 2, 1, 1, 1, 100, 400, 100, 40, 80, "1.1"]),
    row([5, 1, 2, 1, 1, 2, 220, 400, 20, 40, 0, " "]),
    "",
  ].join("\n");

  it("keeps lines and paragraphs, and boxes as fractions of the page", () => {
    const page = parseTesseractTsv(tsv, 7);
    expect(page.pageNumber).toBe(7);
    expect(page.text).toBe("ARTICLE 1\nDefinitions.\n\n1.1");
    expect(page.words.map((w) => w.text)).toEqual(["ARTICLE", "1", "Definitions.", "1.1"]);
    expect(page.words[0]).toEqual({
      text: "ARTICLE",
      left: 0.1,
      top: 0.05,
      width: 0.2,
      height: 0.02,
    });
    expect(page.meanConfidence).toBeCloseTo((96.5 + 91.5 + 90 + 80) / 4);
  });

  it("reads a blank page as no words", () => {
    const blank = parseTesseractTsv(
      [HEADER, row([1, 1, 0, 0, 0, 0, 0, 0, 1000, 2000, -1, ""])].join("\n"),
      1,
    );
    expect(blank).toEqual({ pageNumber: 1, text: "", words: [], meanConfidence: 0 });
  });
});

describe("page geometry", () => {
  const pdfinfo = [
    "Pages:           3",
    "Page    2 size:  612 x 792 pts (letter)",
    "Page    2 rot:   90",
    "Page    2 MediaBox:      0.00     0.00   7200.00   792.00",
    "Page    2 CropBox:       0.00     0.00   612.00   792.00",
  ].join("\n");

  it("takes the larger of the media and crop boxes", () => {
    expect(parsePdfinfoPage(pdfinfo, 2)).toEqual({
      pageCount: 3,
      size: { widthPts: 7200, heightPts: 792 },
    });
    expect(parsePdfinfoPage("Pages: 3\n", 2).size).toBeUndefined();
  });

  it("renders points at a resolution, rounding up", () => {
    expect(renderedPixels({ widthPts: 612, heightPts: 792 }, 200)).toEqual({
      width: 1700,
      height: 2200,
    });
    expect(renderedPixels({ widthPts: 7200, heightPts: 7200 }, 200)).toEqual({
      width: 20000,
      height: 20000,
    });
  });

  it("lists the declared sizes of a page's images", () => {
    const list = [
      "page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio",
      "--------------------------------------------------------------------------------------------",
      "   1     0 image   20000 20000  gray    1   8  image  no         5  0  2353  1818  100B 0.0%",
      "   1     1 smask     800   600  gray    1   8  jpeg   no         6  0    94    73 5000B 0.8%",
    ].join("\n");
    expect(parsePdfimagesList(list)).toEqual([
      { width: 20000, height: 20000 },
      { width: 800, height: 600 },
    ]);
  });
});

describe("repairOcrText", () => {
  it("drops a superscript ordinal read as a stray glyph", () => {
    expect(repairOcrText("made as of April 14¢, 2020 (the")).toBe("made as of April 14, 2020 (the");
    expect(repairOcrText("this 1‘ day of May, 2019")).toBe("this 1 day of May, 2019");
    expect(repairOcrText(`this 20'" day of December 2018`)).toBe("this 20 day of December 2018");
    expect(repairOcrText('dated 16" June 2004 and 7” may\n2004')).toBe(
      "dated 16 June 2004 and 7 may\n2004",
    );
  });

  it("reads a lone l before a unit of time as a 1", () => {
    expect(repairOcrText("renew for successive l-year periods")).toBe(
      "renew for successive 1-year periods",
    );
  });

  it("leaves everything else alone", () => {
    for (const text of [
      "a fee of 14¢ per unit",
      "Section 12’s terms",
      "100°, 2020",
      '12" Mayfield',
    ]) {
      expect(repairOcrText(text)).toBe(text);
    }
  });
});
