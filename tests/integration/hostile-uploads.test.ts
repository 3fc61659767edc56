import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "@/tests/support/api-client";
import { contractPdfs } from "@/tests/support/contracts";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, waitForStatus } from "@/tests/support/journey";
import {
  makeDeeplyNestedPdf,
  makeDocx,
  makeEncryptedPdf,
  makeInflatedContentPdf,
  makeMacroEnabledDocx,
  makeManyTextOperatorsPdf,
  makeMinimalPdf,
  makePathologicalDocx,
  makePdfDeclaringPages,
  makePngBytes,
  makeZip,
  makeZipBomb,
  readContractPdf,
  truncateBytes,
} from "@/tests/unit/documents/fixtures";

const { baseUrl } = integrationStack();
type Balance = { available: number; held: number; spent: number; granted: number };
type ErrorBody = { error: { code: string; message: string; details?: { reason?: string } } };

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const CONTRACT_TEXT =
  "This Agreement is governed by the laws of the State of Delaware. The Licensee shall pay.";

/** Bad input: each kind gets its own clear answer, costs nothing, and the worker stays up. */
describe("hostile uploads through the real API", () => {
  let client: ApiClient;
  let before: Balance;
  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(baseUrl));
    before = (await client.json<{ balance: Balance }>("GET", "/api/me/credits")).body.balance;
  });

  const realPdf = () => readContractPdf(contractPdfs()[0]!.name);
  const cases: Array<{
    kind: string;
    name: string;
    bytes: () => Uint8Array | Promise<Uint8Array>;
    status: number;
    code: string;
    reason?: string | RegExp;
    message: RegExp;
  }> = [
    {
      kind: "zero bytes",
      name: "empty.pdf",
      bytes: () => new Uint8Array(),
      status: 422,
      code: "bad_document",
      reason: "empty",
      message: /empty/i,
    },
    {
      kind: "truncated PDF",
      name: "half.pdf",
      bytes: () => truncateBytes(realPdf(), 0.5),
      status: 422,
      code: "bad_document",
      reason: "corrupt",
      message: /damaged|corrupt|incomplete|truncated|could not be read/i,
    },
    {
      kind: "wrong magic: a PNG named .pdf",
      name: "scan.pdf",
      bytes: () => makePngBytes(),
      status: 415,
      code: "unsupported_type",
      message: /PNG/i,
    },
    {
      kind: "encrypted PDF",
      name: "locked.pdf",
      bytes: () => makeEncryptedPdf(),
      status: 422,
      code: "bad_document",
      reason: "encrypted",
      message: /password/i,
    },
    {
      kind: "1-page PDF without text",
      name: "scanned.pdf",
      bytes: () => makeMinimalPdf({ pages: 1 }),
      status: 422,
      code: "bad_document",
      reason: "no_text",
      message: /no text layer|scanned/i,
    },
    {
      kind: "PDF declaring 100,000 pages",
      name: "huge.pdf",
      bytes: () => makePdfDeclaringPages(100_000),
      status: 422,
      code: "bad_document",
      reason: "too_many_pages",
      message: /pages/i,
    },
    {
      kind: "DOCX that is a zip of something else",
      name: "contract.docx",
      bytes: () => makeZip({ "readme.txt": "hello", "data.csv": "a,b" }),
      status: 415,
      code: "unsupported_type",
      message: /PDF|DOCX|text/i,
    },
    {
      kind: "decompression-bomb DOCX",
      name: "bomb.docx",
      bytes: () => makeZipBomb(),
      status: 422,
      code: "bad_document",
      reason: "decompression_bomb",
      message: /expand|compress|too large|bomb/i,
    },
    {
      kind: "macro-enabled DOCX",
      name: "macro.docx",
      bytes: () => makeMacroEnabledDocx(),
      status: 422,
      code: "bad_document",
      reason: "macro_enabled",
      message: /macro/i,
    },
    {
      kind: "polyglot: PNG header with a PDF inside",
      name: "poly.pdf",
      bytes: () => concat(makePngBytes(), realPdf()),
      status: 415,
      code: "unsupported_type",
      message: /PNG/i,
    },
    {
      kind: "text with NUL bytes",
      name: "notes.txt",
      bytes: () => concat(text("Agreement "), new Uint8Array([0, 0, 0, 1, 2]), text(" terms")),
      status: 415,
      code: "unsupported_type",
      message: /PDF|DOCX|text/i,
    },
    {
      kind: "ELF executable named .pdf",
      name: "contract.pdf",
      bytes: () =>
        concat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), new Uint8Array(200)),
      status: 415,
      code: "unsupported_type",
      message: /PDF|DOCX|text/i,
    },
    {
      kind: "HTML page",
      name: "contract.txt",
      bytes: () => text("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
      status: 415,
      code: "unsupported_type",
      message: /HTML|PDF|DOCX|text/i,
    },
    {
      kind: "RTF document",
      name: "contract.txt",
      bytes: () => text("{\\rtf1\\ansi This Agreement}"),
      status: 415,
      code: "unsupported_type",
      message: /RTF|PDF|DOCX|text/i,
    },
    {
      kind: "whitespace-only text",
      name: "blank.txt",
      bytes: () => text("   \n\n\t  \n"),
      status: 422,
      code: "bad_document",
      reason: "no_text",
      message: /no words|no text|empty/i,
    },
    {
      kind: "DOCX with no words",
      name: "blank.docx",
      bytes: () => makeDocx([]),
      status: 422,
      code: "bad_document",
      reason: "no_text",
      message: /no text|empty|words/i,
    },
    // Resource bombs: read in the reader pool's child processes under a deadline and a memory cap.
    {
      kind: "PDF whose 1.4 MB content stream inflates to 400 MB",
      name: "inflated.pdf",
      bytes: () => makeInflatedContentPdf(),
      status: 422,
      code: "bad_document",
      reason: /^(too_complex|text_too_large)$/,
      message: /too complex|more text/i,
    },
    {
      kind: "PDF page of millions of text operators",
      name: "operators.pdf",
      bytes: () => makeManyTextOperatorsPdf(),
      status: 422,
      code: "bad_document",
      reason: "too_complex",
      message: /too complex/i,
    },
    {
      kind: "PDF with arrays nested 100,000 deep",
      name: "nested.pdf",
      bytes: () => makeDeeplyNestedPdf({ kind: "array" }),
      status: 422,
      code: "bad_document",
      reason: "corrupt",
      message: /damaged/i,
    },
    {
      kind: "PDF with dictionaries nested 100,000 deep",
      name: "nested-dict.pdf",
      bytes: () => makeDeeplyNestedPdf({ kind: "dict" }),
      status: 422,
      code: "bad_document",
      reason: "corrupt",
      message: /damaged/i,
    },
    {
      kind: "DOCX of two million one-word paragraphs (8 MB zipped, DOM of millions of nodes)",
      name: "runs.docx",
      bytes: () => makePathologicalDocx("runs"),
      status: 422,
      code: "bad_document",
      reason: "too_complex",
      message: /too complex/i,
    },
    {
      kind: "DOCX with elements nested 100,000 deep",
      name: "nested.docx",
      bytes: () => makePathologicalDocx("nesting"),
      status: 422,
      code: "bad_document",
      reason: "decompression_bomb",
      message: /expands/i,
    },
    {
      kind: "DOCX with billion-laughs entity expansion",
      name: "laughs.docx",
      bytes: () => makePathologicalDocx("entities"),
      status: 422,
      code: "bad_document",
      reason: "corrupt",
      message: /damaged/i,
    },
    {
      kind: "Latin-1 text (not UTF-8)",
      name: "latin1.txt",
      bytes: () =>
        new Uint8Array([
          0x43, 0x6f, 0x6e, 0x74, 0x72, 0x61, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0x50, 0x61, 0x72, 0x69,
          0x73,
        ]),
      status: 415,
      code: "unsupported_type",
      message: /UTF-8|text/i,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.kind} with a clear ${c.status}`, async () => {
      const bytes = await c.bytes();
      // Building the larger bombs blocks this process for seconds, long enough for the server to
      // close an idle keep-alive socket; let the client see that before it sends (else EPIPE).
      await sleep(100);
      const response = await client.upload(bytes, c.name);
      const body = (await response.json()) as ErrorBody;
      expect(response.status, JSON.stringify(body)).toBe(c.status);
      expect(body.error.code).toBe(c.code);
      if (typeof c.reason === "string") expect(body.error.details?.reason).toBe(c.reason);
      else if (c.reason) expect(body.error.details?.reason).toMatch(c.reason);
      expect(body.error.message).toMatch(c.message);
      // Every refusal says it cost nothing (design.md "What the user sees").
      if (c.status === 422) expect(body.error.message).toMatch(/Nothing was charged/);
    });
  }

  it("refuses an upload over the size limit with 413 before reading it all", async () => {
    const response = await client.upload(new Uint8Array(26 * 1024 * 1024), "big.pdf");
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/25 MB/);
  });

  it("refuses a body without a file field with 422 and a non-multipart body with 415", async () => {
    const form = new FormData();
    form.append("note", "no file here");
    expect((await client.request("POST", "/api/documents", { multipart: form })).status).toBe(422);
    // The route takes multipart only (CSRF defence, lib/http/assert-content-type.ts).
    const json = await client.request("POST", "/api/documents", { json: { file: "x" } });
    expect(json.status).toBe(415);
    expect(((await json.json()) as ErrorBody).error.code).toBe("unsupported_media_type");
  });

  it("types a file by its bytes: a real PDF named .docx is accepted as a PDF", async () => {
    const response = await client.upload(realPdf(), "contract.docx");
    expect(response.status).toBe(201);
    expect(((await response.json()) as { document: { kind: string } }).document.kind).toBe("pdf");
  });

  const hostileNames: Array<[string, string, (shown: string) => void]> = [
    ["path traversal", "../../etc/passwd.txt", (s) => expect(s).toBe("passwd.txt")],
    [
      "right-to-left override",
      "invoice\u202Etxt.exe.txt",
      (s) => expect(s).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/),
    ],
    ["emoji", "📄 contract ✅.txt", (s) => expect(s).toBe("📄 contract ✅.txt")],
    ["300 characters", `${"a".repeat(300)}.txt`, (s) => expect(s.length).toBeLessThanOrEqual(150)],
    ["HTML/script", "<img src=x onerror=alert(1)>.txt", (s) => expect(s).not.toContain("/")],
  ];
  for (const [label, name, check] of hostileNames) {
    it(`stores a file named with ${label} under a safe display name`, async () => {
      const response = await client.upload(text(CONTRACT_TEXT), name);
      expect(response.status).toBe(201);
      const { document } = (await response.json()) as { document: { filename: string } };
      check(document.filename);
      const controlOrSlash = [...document.filename].filter(
        (ch) => ch.charCodeAt(0) < 0x20 || ch === "/" || ch === "\\",
      );
      expect(controlOrSlash).toEqual([]);
    });
  }

  it("refuses a file name with a NUL byte with a clear 422 (a malformed multipart header)", async () => {
    const response = await client.upload(text(CONTRACT_TEXT), "con\u0000tract.txt");
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(
      /control character in the file name/,
    );
  });

  it("runs a hostile-named file through the worker and serves a safe download header", async () => {
    const upload = await client.upload(text(CONTRACT_TEXT), '../"evil"\r\nX-Injected: 1.txt');
    expect(upload.status).toBe(201);
    const { document } = (await upload.json()) as { document: { id: string } };
    const { body } = await confirm(client, document.id);
    const { last } = await waitForStatus(client, body.analysis.id, ["succeeded", "failed"]);
    expect(last.status).toBe("succeeded");
    const memo = await client.request("GET", `/api/analyses/${body.analysis.id}/memo`);
    const disposition = memo.headers.get("content-disposition") ?? "";
    expect(memo.headers.get("x-injected")).toBeNull();
    expect(disposition).toMatch(/^attachment; filename="[^"\\\r\n]*"; filename\*=UTF-8''/);
  });

  it("charged nothing for any of it, and the worker is still alive", async () => {
    const after = (await client.json<{ balance: Balance }>("GET", "/api/me/credits")).body.balance;
    // Only the one confirmed analysis above was paid for; every refused upload cost nothing.
    expect(after.granted).toBe(before.granted);
    expect(after.held).toBe(0);
    expect(after.available + after.spent).toBe(before.available);
    const health = await new ApiClient(baseUrl).json<{ ok: boolean }>("GET", "/api/health");
    expect(health.status).toBe(200);
  });
});
