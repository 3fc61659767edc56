import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import type { BatchView } from "@/lib/batches/batch-view";
import { priceForDocument } from "@/lib/billing/price-document";
import { buildScannedPdf } from "@/scripts/eval/build-scanned-pdf";
import { ApiClient } from "@/tests/support/api-client";
import { confirm, type UploadResponse, waitForStatus } from "@/tests/support/journey";
import { sampleContract, withScannedPages } from "@/tests/support/scanned-pdf";
import { startTestStack, type TestStack } from "@/tests/support/test-stack";
import { withoutOcrTools } from "@/tests/support/without-ocr-tools";

/**
 * A deployment without OCR (no tesseract or poppler on its PATH, web and worker): a PDF that is
 * all scans is refused for free, and a mixed one is quoted with the scans it will not read named,
 * then analysed from its text pages.
 */
let stack: TestStack;
let sql: postgres.Sql;
let client: ApiClient;

type ErrorBody = { error: { code: string; message: string; details?: { reason?: string } } };

beforeAll(async () => {
  stack = await startTestStack({
    name: "noocr",
    port: 12_000 + Math.floor(Math.random() * 4_000),
    workers: 1,
    env: withoutOcrTools(),
    workerEnv: { LOG_LEVEL: "info" },
  });
  sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
  ({ client } = await ApiClient.signUp(stack.baseUrl));
});

afterAll(async () => {
  await sql?.end();
  await stack?.stop();
});

describe("scanned pages where OCR is off", { timeout: 120_000 }, () => {
  it("quotes a mixed PDF with its unread scans named, and analyses its text pages", async () => {
    // 4 pages: 2 and 3 are scans, 1 and 4 keep their text layer.
    const bytes = await withScannedPages(sampleContract("HOLIDAYRVSUPERSTORES"), [2, 3]);
    const response = await client.upload(bytes, "endorsement-mixed.pdf", "application/pdf");
    expect(response.status).toBe(201);
    const up = (await response.json()) as UploadResponse;
    expect(up.quote.scannedPages).toBe(0);
    expect(up.quote.unreadScans?.pages).toEqual([2, 3]);
    expect(up.quote.unreadScans?.message).toBe(
      "Pages 2 and 3 are scans and will not be read: OCR (text recognition) is off on this server, so the analysis covers only the other pages.",
    );
    // Not billed at the OCR rate: nothing is read by OCR.
    expect(up.quote.priceCredits).toBe(priceForDocument({ pageCount: 4, scannedPages: [] }));

    const confirmed = await confirm(client, up.document.id, randomUUID());
    expect(confirmed.status).toBe(202);
    const id = confirmed.body.analysis.id;
    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"], 90_000);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");
    expect(seen.some((a) => /Reading scanned pages/.test(a.progress.stepName ?? ""))).toBe(false);
    const [ocr] = await sql<{ n: number }[]>`
      select count(*)::int as n from document_ocr_pages where document_id = ${up.document.id}`;
    expect(ocr?.n).toBe(0);
    const { body } = await client.json<{ result: AnalysisResult }>(
      "GET",
      `/api/analyses/${id}/result`,
    );
    // The preamble on page 1 was read: the parties come from the text pages.
    expect(body.result.identification.parties.length).toBeGreaterThan(0);
  });

  it("quotes a text PDF without any unread-scans notice", async () => {
    const response = await client.upload(
      sampleContract("HOLIDAYRVSUPERSTORES"),
      "endorsement.pdf",
      "application/pdf",
    );
    expect(response.status).toBe(201);
    const up = (await response.json()) as UploadResponse;
    expect(up.quote.unreadScans).toBeNull();
  });

  it("names a batch file's unread scans before the batch is confirmed", async () => {
    const mixed = await withScannedPages(sampleContract("HOLIDAYRVSUPERSTORES"), [3]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(mixed)], { type: "application/pdf" }), "m.pdf");
    const text = sampleContract("LEGACYTECHNOLOGY");
    form.append("file", new Blob([new Uint8Array(text)], { type: "application/pdf" }), "t.pdf");
    const { status, body } = await client.json<{ batch: BatchView }>("POST", "/api/batches", {
      multipart: form,
    });
    expect(status).toBe(201);
    expect(body.batch.files.map((f) => [f.documentName, f.unreadScans])).toEqual([
      [
        "m.pdf",
        "Page 3 is a scan and will not be read: OCR (text recognition) is off on this server, so the analysis covers only the other pages.",
      ],
      ["t.pdf", null],
    ]);
  });

  it("refuses a PDF that is all scans, for free", async () => {
    const scan = await buildScannedPdf(sampleContract("LEGACYTECHNOLOGY"), { dpi: 100 });
    const response = await client.upload(scan, "distributor-scan.pdf", "application/pdf");
    const body = (await response.json()) as ErrorBody;
    expect(response.status, JSON.stringify(body)).toBe(422);
    expect(body.error.details?.reason).toBe("no_text");
    expect(body.error.message).toMatch(/looks scanned.*turned off on this server/);
  });
});
