import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractDocumentText } from "@/lib/documents";
import { inspectDocumentInProcess } from "@/lib/documents/inspect-document-in-process";
import { DocumentError } from "@/lib/errors";
import {
  deflatedEntry,
  largestContractPdf,
  makeDocx,
  makeEncryptedPdf,
  makeMinimalPdf,
  makePdfDeclaringPages,
  makeZipBomb,
  readContractPageLabels,
  readContractPdf,
  truncateBytes,
  writeZip,
} from "./fixtures";

async function documentErrorOf(promise: Promise<unknown>): Promise<DocumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DocumentError)) {
    throw new Error(`expected a DocumentError, got ${String(error)}`);
  }
  return error;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Contract, its label page count, and a phrase read off its first page. */
const contracts = [
  ["CENTRACKINTERNATIONALINC_10_29_1999-EX-10.3-WEB SITE HOSTING AGREEMENT.PDF", "Hosting"],
  ["FreezeTagInc_20180411_8-K_EX-10.1_11139603_EX-10.1_Sponsorship Agreement.pdf", "Diabetes"],
  ["SPIENERGYCO,LTD_03_09_2011-EX-99.5-OPERATIONS AND MAINTENANCE AGREEMENT.PDF", "Solar"],
  ["ENTERTAINMENTGAMINGASIAINC_02_15_2005-EX-10.5-DISTRIBUTOR AGREEMENT.PDF", "VendingData"],
  ["GluMobileInc_20070319_S-1A_EX-10.09_436630_EX-10.09_Content License Agreement1.pdf", "Sorrent"],
  ["VnueInc_20150914_8-K_EX-10.1_9259571_EX-10.1_Promotion Agreement.pdf", "Agreement"],
] as const;

describe("extractDocumentText — real contract PDFs", () => {
  const labels = readContractPageLabels();

  it.each(contracts)("%s: page count matches labels.csv and text is real", async (file, word) => {
    const expectedPages = labels.get(file);
    expect(expectedPages).toBeGreaterThan(0);

    const bytes = readContractPdf(file);
    const result = await extractDocumentText(bytes, "pdf");

    expect(result.kind).toBe("pdf");
    expect(result.unitLabel).toBe("page");
    expect(result.pageCount).toBe(expectedPages);
    expect(result.units).toHaveLength(result.pageCount);
    expect(result.units.map((u) => u.index)).toEqual(
      Array.from({ length: result.pageCount }, (_, i) => i + 1),
    );
    expect(result.units.map((u) => u.text).join("\n")).toContain(word);
    expect(result.wordCount).toBeGreaterThan(result.pageCount * 50);
    expect(result.charCount).toBe(result.units.reduce((n, u) => n + u.text.length, 0));
    // The caller's buffer must survive pdf.js (which detaches what it is given).
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it("keeps line breaks and collapses runs of spaces", async () => {
    const [file] = contracts[1];
    const { units } = await extractDocumentText(readContractPdf(file), "pdf");
    const first = units[0]?.text ?? "";
    expect(first).toContain("\n");
    expect(first).not.toMatch(/ {2,}|\n{3,}|^\s|\s$/);
  });

  // How long it takes is bench:extraction's business (no timing thresholds in unit tests).
  it("extracts the largest contract (by bytes), every page of it", async () => {
    const largest = largestContractPdf();
    const started = performance.now();
    const result = await extractDocumentText(readContractPdf(largest.filename), "pdf");
    const elapsed = performance.now() - started;
    console.info(
      `[timing] ${largest.filename} (${largest.bytes} bytes, ${result.pageCount} pages, ${result.wordCount} words): ${elapsed.toFixed(0)} ms`,
    );
    expect(result.pageCount).toBe(readContractPageLabels().get(largest.filename));
  });

  it("stops with text_too_large as soon as the limit is passed", async () => {
    const [file] = contracts[0];
    const error = await documentErrorOf(
      extractDocumentText(readContractPdf(file), "pdf", { maxChars: 1000 }),
    );
    expect(error.reason).toBe("text_too_large");
  });

  it("honours an abort signal between pages", async () => {
    const [file] = contracts[4];
    const controller = new AbortController();
    const pending = extractDocumentText(readContractPdf(file), "pdf", {
      signal: controller.signal,
    });
    controller.abort(new Error("cancelled by user"));
    await expect(pending).rejects.toThrow("cancelled by user");
  });

  it("reports a truncated PDF (first half of a real contract) as corrupt", async () => {
    const [file] = contracts[3];
    const error = await documentErrorOf(
      extractDocumentText(truncateBytes(readContractPdf(file)), "pdf"),
    );
    expect(error.reason).toBe("corrupt");
    expect(error.code).toBe("bad_document");
  });
});

describe("extractDocumentText — hand-built PDFs", () => {
  it("reads text from a minimal PDF, one unit per page", async () => {
    const pdf = makeMinimalPdf({
      pages: 2,
      text: ["Master Services Agreement\nbetween Acme and Globex", "Signature page"],
    });
    const result = await extractDocumentText(pdf, "pdf");
    expect(result.units).toEqual([
      { index: 1, text: "Master Services Agreement\nbetween Acme and Globex" },
      { index: 2, text: "Signature page" },
    ]);
    expect(result.wordCount).toBe(9);
    expect(result.pageCount).toBe(2);
  });

  it("rejects a page with an empty content stream as no_text, even where scans are read", async () => {
    const error = await documentErrorOf(extractDocumentText(makeMinimalPdf({ pages: 1 }), "pdf"));
    expect(error.reason).toBe("no_text");
    expect(error.message).toBe(
      "This PDF has no text layer (it looks scanned), and reading scanned pages is turned off on this server. Upload a PDF with selectable text, or ask your administrator to turn on OCR. Nothing was charged.",
    );
    // Where scans are read, the textless page is handed back for the caller to look at; a blank
    // page places no image, so it is no scan and inspection still refuses the file.
    const read = await extractDocumentText(makeMinimalPdf({ pages: 1 }), "pdf", {
      allowScanned: true,
    });
    expect(read.textlessPages).toEqual([1]);
    const blank = await documentErrorOf(inspectDocumentInProcess(makeMinimalPdf({ pages: 1 })));
    expect(blank.reason).toBe("no_text");
  });

  it("rejects a page tree declaring 100,000 pages", async () => {
    const error = await documentErrorOf(extractDocumentText(makePdfDeclaringPages(100_000), "pdf"));
    expect(error.reason).toBe("too_many_pages");
    expect(error.message).toContain("100,000");
  });

  it("trusts pdf.js's recount when /Count lies about pages that do not exist", async () => {
    const pdf = makeMinimalPdf({ pages: 1, text: "Only page", declaredPageCount: 100_000 });
    const result = await extractDocumentText(pdf, "pdf");
    expect(result.pageCount).toBe(1);
    expect(result.units).toEqual([{ index: 1, text: "Only page" }]);
  });

  it("respects a custom maxPages", async () => {
    const pdf = makeMinimalPdf({ pages: 3, text: "Clause" });
    const error = await documentErrorOf(extractDocumentText(pdf, "pdf", { maxPages: 2 }));
    expect(error.reason).toBe("too_many_pages");
    await expect(extractDocumentText(pdf, "pdf", { maxPages: 3 })).resolves.toMatchObject({
      pageCount: 3,
    });
  });

  it("rejects a password-protected PDF as encrypted", async () => {
    const error = await documentErrorOf(extractDocumentText(makeEncryptedPdf(), "pdf"));
    expect(error.reason).toBe("encrypted");
    expect(error.message).toBe(
      "This PDF is password-protected. Remove the password and upload it again. Nothing was charged.",
    );
  });

  it("rejects bytes that are not a PDF at all as corrupt", async () => {
    const error = await documentErrorOf(extractDocumentText(utf8("hello, not a pdf"), "pdf"));
    expect(error.reason).toBe("corrupt");
  });
});

describe("extractDocumentText — DOCX", () => {
  it("numbers non-empty paragraphs from 1", async () => {
    const docx = await makeDocx(["Master Services Agreement", "", "1. Term. Two years.", "  "]);
    const result = await extractDocumentText(docx, "docx");
    expect(result.kind).toBe("docx");
    expect(result.unitLabel).toBe("paragraph");
    expect(result.units).toEqual([
      { index: 1, text: "Master Services Agreement" },
      { index: 2, text: "1. Term. Two years." },
    ]);
    // "1." has a digit, so it is a word.
    expect(result.wordCount).toBe(7);
    expect(result.pageCount).toBe(1);
  });

  it("uses <Pages> from docProps/app.xml when it is credible", async () => {
    const docx = await makeDocx(["Short but laid out over many pages."], { declaredPages: 4 });
    expect((await extractDocumentText(docx, "docx")).pageCount).toBe(4);
  });

  it("ignores a forged <Pages> that is far below the word-based estimate", async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Clause ${i} ${"word ".repeat(18)}`);
    const docx = await makeDocx(paragraphs, { declaredPages: 1 });
    const result = await extractDocumentText(docx, "docx");
    expect(result.wordCount).toBe(6000);
    expect(result.pageCount).toBe(12); // ceil(6000 / WORDS_PER_PAGE=500)
  });

  it("rejects a document with no words as no_text", async () => {
    const error = await documentErrorOf(extractDocumentText(await makeDocx(["", " "]), "docx"));
    expect(error.reason).toBe("no_text");
  });

  it("rejects a ZIP bomb before mammoth sees it (ratio)", async () => {
    const error = await documentErrorOf(extractDocumentText(await makeZipBomb(), "docx"));
    expect(error.reason).toBe("decompression_bomb");
  });

  it("rejects a ZIP bomb whose headers understate its size (caught while inflating)", async () => {
    const bomb = await makeZipBomb({ size: 8 * 1024 * 1024, declaredSize: 4096 });
    const error = await documentErrorOf(extractDocumentText(bomb, "docx"));
    expect(error.reason).toBe("decompression_bomb");
    expect(error.message).toContain("larger than its header claims");
  });

  it("rejects an archive declaring more than 200 MB in total", async () => {
    // 3 MB of incompressible data per entry keeps each ratio under 100:1, so only the total trips.
    const entry = deflatedEntry(
      "word/media/image.bin",
      new Uint8Array(randomBytes(3 * 1024 * 1024)),
    );
    const zip = writeZip([
      deflatedEntry("[Content_Types].xml", "<Types/>"),
      { ...entry, name: "word/media/a.bin", declaredSize: 150 * 1024 * 1024 },
      { ...entry, name: "word/media/b.bin", declaredSize: 150 * 1024 * 1024 },
    ]);
    const error = await documentErrorOf(extractDocumentText(zip, "docx"));
    expect(error.reason).toBe("decompression_bomb");
    expect(error.message).toContain("MB uncompressed");
  });

  it("reports a malformed archive as corrupt", async () => {
    const docx = await makeDocx(["Some text"]);
    const error = await documentErrorOf(extractDocumentText(truncateBytes(docx, 0.6), "docx"));
    expect(error.reason).toBe("corrupt");
  });

  it("refuses an archive whose directory is not where its end record says", async () => {
    // Junk in front shifts every offset; jszip would silently "repair" that, so we refuse.
    const docx = await makeDocx(["Some text"]);
    const shifted = new Uint8Array([...new Uint8Array(64), ...docx]);
    const error = await documentErrorOf(extractDocumentText(shifted, "docx"));
    expect(error.reason).toBe("corrupt");
  });

  it("rejects an archive with thousands of entries", async () => {
    const entries = Array.from({ length: 10_001 }, (_, i) => ({
      name: `word/part${i}.xml`,
      method: 0 as const,
      data: new Uint8Array(0),
      crc32: 0,
      declaredSize: 0,
    }));
    const error = await documentErrorOf(extractDocumentText(writeZip(entries), "docx"));
    expect(error.reason).toBe("decompression_bomb");
  });

  it("reports a ZIP that is not a Word document as corrupt", async () => {
    const zip = writeZip([deflatedEntry("notes.txt", "hello")]);
    const error = await documentErrorOf(extractDocumentText(zip, "docx"));
    expect(error.reason).toBe("corrupt");
  });
});

describe("extractDocumentText — text", () => {
  it("splits UTF-8 text into paragraphs on blank lines and strips the BOM", async () => {
    const text =
      "\uFEFF# Lease — Café Müller\r\n\r\nRent: 1 200 €\nDue monthly.\n\n\n  \n\n日本語の条項";
    const result = await extractDocumentText(utf8(text), "text");
    expect(result.units).toEqual([
      { index: 1, text: "# Lease — Café Müller" },
      { index: 2, text: "Rent: 1 200 €\nDue monthly." },
      { index: 3, text: "日本語の条項" },
    ]);
    // "#", "—" and "€" have no letter or digit.
    expect(result.wordCount).toBe(9);
    expect(result.pageCount).toBe(1);
    expect(result.unitLabel).toBe("paragraph");
  });

  it("decodes UTF-16 with a BOM", async () => {
    const body = Buffer.from("Term: twelve months", "utf16le");
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    const result = await extractDocumentText(bytes, "text");
    expect(result.units).toEqual([{ index: 1, text: "Term: twelve months" }]);
  });

  it("estimates pages from words", async () => {
    const result = await extractDocumentText(utf8("word ".repeat(1001)), "text");
    expect(result.pageCount).toBe(3);
  });

  it("rejects whitespace-only text as no_text", async () => {
    const error = await documentErrorOf(extractDocumentText(utf8(" \n\n\t \r\n"), "text"));
    expect(error.reason).toBe("no_text");
  });

  it("rejects text with NUL bytes", async () => {
    const error = await documentErrorOf(extractDocumentText(utf8("abc\u0000def"), "text"));
    expect(error.reason).toBe("corrupt");
  });

  it("enforces maxChars", async () => {
    const error = await documentErrorOf(
      extractDocumentText(utf8("x".repeat(101)), "text", { maxChars: 100 }),
    );
    expect(error.reason).toBe("text_too_large");
  });

  it("throws immediately for an already-aborted signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      extractDocumentText(utf8("hello"), "text", { signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});
