import { describe, expect, it } from "vitest";
import { contentDispositionAttachment, sanitizeFilename } from "@/lib/documents";

describe("sanitizeFilename", () => {
  it("keeps only the basename of a path", () => {
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("C:\\Users\\ann\\Contract.pdf")).toBe("Contract.pdf");
  });

  it("strips NUL and other control characters", () => {
    expect(sanitizeFilename("con\u0000tract\u0007.pdf")).toBe("contract.pdf");
    expect(sanitizeFilename("evil.pdf\r\nX-Injected: 1")).toBe("evil.pdf X-Injected: 1");
  });

  it("strips bidi overrides so the extension cannot be disguised", () => {
    expect(sanitizeFilename("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(sanitizeFilename("\u2066a\u2069\u200Eb\u200F.docx")).toBe("ab.docx");
  });

  it("keeps emoji and non-Latin letters", () => {
    expect(sanitizeFilename("Vertrag 🤝 Müller–Łódź 契約.pdf")).toBe(
      "Vertrag 🤝 Müller–Łódź 契約.pdf",
    );
  });

  it("collapses whitespace and trims dots and spaces", () => {
    expect(sanitizeFilename("  ..my \t  lease   .pdf. ")).toBe("my lease .pdf");
  });

  it("caps at 150 characters keeping the extension", () => {
    const result = sanitizeFilename(`${"a".repeat(300)}.docx`);
    expect(result).toHaveLength(150);
    expect(result.endsWith("a.docx")).toBe(true);
  });

  it("never cuts an emoji in half when truncating", () => {
    const result = sanitizeFilename(`${"👍".repeat(200)}.pdf`);
    expect([...new Intl.Segmenter().segment(result)]).toHaveLength(150);
    expect(result.endsWith("👍.pdf")).toBe(true);
    // A lone surrogate would make encodeURIComponent (and the header) throw.
    expect(() => encodeURIComponent(result)).not.toThrow();
  });

  it("treats markup as text (the part after the last slash)", () => {
    const result = sanitizeFilename("<script>alert(1)</script>.pdf");
    expect(result).toBe("script>.pdf");
    expect(result).not.toContain("/");
  });

  it("falls back to 'document' when nothing is left", () => {
    expect(sanitizeFilename("")).toBe("document");
    expect(sanitizeFilename("../..")).toBe("document");
    expect(sanitizeFilename("\u0000\u202E ")).toBe("document");
    expect(sanitizeFilename("dir/")).toBe("document");
  });

  it("is idempotent", () => {
    for (const name of ["../x/é 🤝.pdf", "a\u202Eb", `${"z".repeat(400)}.txt`]) {
      expect(sanitizeFilename(sanitizeFilename(name))).toBe(sanitizeFilename(name));
    }
  });
});

describe("contentDispositionAttachment", () => {
  it("gives an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDispositionAttachment("Café 🤝.pdf")).toBe(
      `attachment; filename="Cafe _.pdf"; filename*=UTF-8''Caf%C3%A9%20%F0%9F%A4%9D.pdf`,
    );
  });

  it("removes quotes and backslashes from the fallback and encodes RFC 5987 specials", () => {
    const header = contentDispositionAttachment(`my "best" (final)'s*.pdf`);
    expect(header).toBe(
      `attachment; filename="my best (final)'s*.pdf"; filename*=UTF-8''my%20%22best%22%20%28final%29%27s%2A.pdf`,
    );
  });

  it("cannot be used for header injection or path tricks", () => {
    const header = contentDispositionAttachment("../a\r\nSet-Cookie: x=1.pdf");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain(`filename="a Set-Cookie: x=1.pdf"`);
  });

  it('uses "_" for non-ASCII-only names and "document" for empty ones', () => {
    expect(contentDispositionAttachment("契約")).toBe(
      `attachment; filename="_"; filename*=UTF-8''%E5%A5%91%E7%B4%84`,
    );
    expect(contentDispositionAttachment("")).toContain(`filename="document"`);
  });
});
