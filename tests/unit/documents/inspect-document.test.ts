import { createHash } from "node:crypto";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { inspectDocument } from "@/lib/documents";
import { AppError, DocumentError } from "@/lib/errors";
import {
  makeDocx,
  makeEncryptedPdf,
  makePngBytes,
  makeZipBomb,
  readContractPageLabels,
  readContractPdf,
} from "./fixtures";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

// Through the reader pool: the first test also waits for a child process to start.
describe("inspectDocument", { timeout: 60_000 }, () => {
  it("sniffs, counts and hashes a real contract PDF", async () => {
    const file = "BIOPURECORP_06_30_1999-EX-10.13-AGENCY AGREEMENT.PDF";
    const bytes = readContractPdf(file);
    const expectedHash = sha256(bytes);
    const result = await inspectDocument(bytes);
    expect(result).toEqual({
      kind: "pdf",
      mimeType: "application/pdf",
      pageCount: readContractPageLabels().get(file),
      wordCount: expect.any(Number),
      sha256: expectedHash,
      looksLikeContract: true,
      scannedPages: [],
    });
    expect(result.wordCount).toBeGreaterThan(1000);
    // Still intact for storage after pdf.js has seen it.
    expect(sha256(bytes)).toBe(expectedHash);
  });

  it("handles DOCX", async () => {
    const docx = await makeDocx(["Agreement between Acme and Globex.", "Term: one year."]);
    await expect(inspectDocument(docx)).resolves.toMatchObject({
      kind: "docx",
      pageCount: 1,
      wordCount: 8,
      sha256: sha256(docx),
    });
  });

  it("handles text", async () => {
    const text = new TextEncoder().encode("Non-disclosure agreement.\n\nKeep it secret.");
    await expect(inspectDocument(text)).resolves.toMatchObject({
      kind: "text",
      mimeType: "text/plain",
      pageCount: 1,
      wordCount: 5,
    });
  });

  it("surfaces the sniffing and extraction errors", async () => {
    await expect(inspectDocument(makePngBytes())).rejects.toMatchObject({
      code: "unsupported_type",
    });
    await expect(inspectDocument(makeEncryptedPdf())).rejects.toMatchObject({
      reason: "encrypted",
    });
    await expect(inspectDocument(await makeZipBomb())).rejects.toMatchObject({
      reason: "decompression_bomb",
    });
    await expect(inspectDocument(new Uint8Array(0))).rejects.toBeInstanceOf(DocumentError);
  });

  it("rejects more than MAX_UPLOAD_BYTES as payload_too_large", async () => {
    const error = await inspectDocument(new Uint8Array(25 * 1024 * 1024 + 1)).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("payload_too_large");
  });
});

describe("fixtures", () => {
  it("makeEncryptedPdf is genuinely encrypted: the user password reveals the text", async () => {
    const pdf = await getDocumentProxy(makeEncryptedPdf({ text: "Secret clause 7" }), {
      password: "secret",
      verbosity: 0,
    });
    try {
      const page = await pdf.getPage(1);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join("");
      expect(text).toBe("Secret clause 7");
    } finally {
      await pdf.destroy();
    }
  });

  it("makeEncryptedPdf refuses a wrong password", async () => {
    await expect(
      getDocumentProxy(makeEncryptedPdf(), { password: "wrong", verbosity: 0 }),
    ).rejects.toMatchObject({ name: "PasswordException" });
  });
});
