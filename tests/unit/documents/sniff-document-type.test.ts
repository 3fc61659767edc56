import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { sniffDocumentType } from "@/lib/documents";
import { AppError, DocumentError } from "@/lib/errors";
import {
  CONTRACT_PDF_DIR,
  makeDocx,
  makeEncryptedPdf,
  makeMacroEnabledDocx,
  makeMinimalPdf,
  makePngBytes,
  makeZip,
  makeZipBomb,
  readContractPdf,
} from "./fixtures";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const utf8 = (text: string) => new TextEncoder().encode(text);

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("sniffDocumentType", () => {
  it("recognises every contract PDF from its bytes", async () => {
    const files = fs.readdirSync(CONTRACT_PDF_DIR);
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      await expect(sniffDocumentType(readContractPdf(file))).resolves.toEqual({
        kind: "pdf",
        mimeType: "application/pdf",
      });
    }
  });

  it("recognises hand-built and encrypted PDFs", async () => {
    await expect(sniffDocumentType(makeMinimalPdf())).resolves.toMatchObject({ kind: "pdf" });
    await expect(sniffDocumentType(makeEncryptedPdf())).resolves.toMatchObject({ kind: "pdf" });
  });

  it("recognises a real Word package as DOCX", async () => {
    await expect(sniffDocumentType(await makeDocx(["Hello"]))).resolves.toEqual({
      kind: "docx",
      mimeType: DOCX_MIME,
    });
  });

  it("recognises a docx-shaped ZIP bomb as DOCX without inflating it (extraction rejects it)", async () => {
    await expect(sniffDocumentType(await makeZipBomb())).resolves.toMatchObject({ kind: "docx" });
  });

  it("rejects a macro-enabled document (.docm content type)", async () => {
    const error = await errorOf(sniffDocumentType(await makeMacroEnabledDocx()));
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).reason).toBe("macro_enabled");
  });

  it("rejects a .docx content type that smuggles word/vbaProject.bin", async () => {
    const error = await errorOf(sniffDocumentType(await makeDocx(["x"], { withVbaProject: true })));
    expect((error as DocumentError).reason).toBe("macro_enabled");
  });

  it("rejects a ZIP of something else as unsupported_type", async () => {
    const zip = await makeZip({ "notes.txt": "hello", "photo.png": makePngBytes() });
    const error = await errorOf(sniffDocumentType(zip));
    expect(error).not.toBeInstanceOf(DocumentError);
    expect(error.code).toBe("unsupported_type");
    expect(error.httpStatus).toBe(415);
    expect(error.message).toContain("This looks like a ZIP archive");
  });

  it("rejects a ZIP whose word/document.xml has a non-Word content type", async () => {
    const docx = await makeDocx(["x"], { mainContentType: "application/xml" });
    const error = await errorOf(sniffDocumentType(docx));
    expect(error.code).toBe("unsupported_type");
  });

  it("judges by bytes, not name: PNG bytes are a PNG", async () => {
    const error = await errorOf(sniffDocumentType(makePngBytes()));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain("This looks like a PNG image");
    expect(error.message).toContain("PDF, DOCX, plain text or Markdown");
    expect(error.details).toEqual({ detected: "png" });
  });

  it("rejects zero bytes as empty", async () => {
    const error = await errorOf(sniffDocumentType(new Uint8Array(0)));
    expect((error as DocumentError).reason).toBe("empty");
    expect(error.message).toMatch(/^The file is empty \(0 bytes\)/);
  });

  it("accepts UTF-8 text and Markdown, with or without a BOM", async () => {
    const text = { kind: "text", mimeType: "text/plain" };
    await expect(
      sniffDocumentType(utf8("# Lease\n\nRent: 1 200 € — Café Müller 日本")),
    ).resolves.toEqual(text);
    await expect(sniffDocumentType(utf8("\uFEFFPlain contract text"))).resolves.toEqual(text);
  });

  it("accepts UTF-16 text with a BOM", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Terms apply", "utf16le")]);
    await expect(sniffDocumentType(new Uint8Array(le))).resolves.toMatchObject({ kind: "text" });
  });

  it("prefers text over coincidental magic numbers in prose", async () => {
    // "BM" is the BMP signature and "ID3" the MP3 one; both start ordinary sentences.
    await expect(sniffDocumentType(utf8("BMW supply agreement"))).resolves.toMatchObject({
      kind: "text",
    });
    await expect(sniffDocumentType(utf8("ID3 addendum"))).resolves.toMatchObject({ kind: "text" });
  });

  it("rejects text with NUL bytes", async () => {
    const error = await errorOf(sniffDocumentType(utf8("contract\u0000text\u0000here")));
    expect(error.code).toBe("unsupported_type");
  });

  it("rejects text that is not UTF-8 with a hint", async () => {
    const latin1 = new Uint8Array(Buffer.from("Caf\xe9 lease, r\xe9sum\xe9", "latin1"));
    const error = await errorOf(sniffDocumentType(latin1));
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain("not UTF-8");
  });

  it("rejects RTF even though it is ASCII", async () => {
    const error = await errorOf(sniffDocumentType(utf8("{\\rtf1\\ansi Contract}")));
    expect(error.message).toContain("RTF");
  });

  it("rejects random binary as unsupported_type", async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const error = await errorOf(sniffDocumentType(bytes));
    expect(error.code).toBe("unsupported_type");
  });
});
