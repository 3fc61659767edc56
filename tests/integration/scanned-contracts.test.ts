import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { priceForDocument } from "@/lib/billing/price-document";
import { db } from "@/lib/db/client";
import type { DocumentUnit } from "@/lib/documents/read-document-unit";
import { buildScannedPdf } from "@/scripts/eval/build-scanned-pdf";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, type UploadResponse, waitForStatus } from "@/tests/support/journey";
import { entriesForAnalysis } from "@/tests/support/ledger";
import { sampleContract, withScannedPages } from "@/tests/support/scanned-pdf";
import { waitFor } from "@/tests/support/wait-for";

const run = promisify(execFile);
const { baseUrl } = integrationStack();

/** One scanned-looking page 20,000 points square: 55,556 px a side at 200 dpi. */
async function hugeScannedPage(): Promise<Uint8Array> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "clauseflow-huge-"));
  try {
    const source = path.join(folder, "source.pdf");
    await writeFile(source, sampleContract("LEGACYTECHNOLOGY"));
    await run("pdftoppm", [
      "-r",
      "20",
      "-f",
      "1",
      "-l",
      "1",
      "-jpeg",
      "-singlefile",
      source,
      path.join(folder, "page"),
    ]);
    const pdf = await PDFDocument.create();
    const image = await pdf.embedJpg(await readFile(path.join(folder, "page.jpg")));
    pdf.addPage([20_000, 20_000]).drawImage(image, { x: 0, y: 0, width: 20_000, height: 20_000 });
    return pdf.save();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function upload(client: ApiClient, bytes: Uint8Array, name: string): Promise<UploadResponse> {
  const response = await client.upload(bytes, name, "application/pdf");
  expect(response.status).toBe(201);
  return (await response.json()) as UploadResponse;
}

const ocrRowsOf = (documentId: string) =>
  db.execute<{ page_number: number; words: number }>(sql`
    select page_number, jsonb_array_length(words) as words from document_ocr_pages
    where document_id = ${documentId} order by page_number`);

/** Every evidence unit the result cites. */
function citedUnits(value: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(value)) for (const item of value) citedUnits(item, out);
  else if (value && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "evidence" && child && typeof child === "object" && "unit" in child) {
        out.add(Number((child as { unit: number }).unit));
      } else citedUnits(child, out);
    }
  }
  return out;
}

describe("scanned contracts (OCR in the worker)", { timeout: 180_000 }, () => {
  let client: ApiClient;
  beforeAll(async () => {
    ({ client } = await ApiClient.signUp(baseUrl));
  });

  it("quotes the scans at the OCR price, reads only them by OCR, and cites their pages", async () => {
    // 4 pages: 1 and 4 keep their text layer (4 is blank), 2–3 are scans.
    const bytes = await withScannedPages(sampleContract("HOLIDAYRVSUPERSTORES"), [2, 3]);
    const up = await upload(client, bytes, "endorsement-scanned.pdf");
    expect(up.document.pageCount).toBe(4);
    expect(up.quote.scannedPages).toBe(2);
    expect(up.quote.ocrMultiplier).toBe(3);
    // 2 text pages + 2 scans × 3 = 8 billed pages, never the plain 4-page price alone.
    expect(up.quote.priceCredits).toBe(priceForDocument({ pageCount: 4, scannedPages: [2, 3] }));

    const confirmed = await confirm(client, up.document.id, randomUUID());
    expect(confirmed.status).toBe(202);
    const id = confirmed.body.analysis.id;
    const { last, seen } = await waitForStatus(client, id, ["succeeded", "failed"], 120_000);
    expect(last.error).toBeNull();
    expect(last.status).toBe("succeeded");
    expect(seen.some((a) => /Reading scanned pages \d+ of 2/.test(a.progress.stepName ?? ""))).toBe(
      true,
    );

    // Only the two scans went through OCR, each with word boxes.
    const rows = await ocrRowsOf(up.document.id);
    expect(rows.map((r) => r.page_number)).toEqual([2, 3]);
    for (const row of rows) expect(row.words).toBeGreaterThan(50);

    // Findings cite the scanned pages by their numbers, and the page answers its OCR words.
    const { body } = await client.json<{ result: AnalysisResult }>(
      "GET",
      `/api/analyses/${id}/result`,
    );
    const units = citedUnits(body.result);
    const scannedCited = [...units].filter((u) => u === 2 || u === 3);
    expect(scannedCited.length).toBeGreaterThan(0);
    const unit = await client.json<DocumentUnit>(
      "GET",
      `/api/documents/${up.document.id}/units/${scannedCited[0]}`,
    );
    expect(unit.status).toBe(200);
    expect(unit.body.text.length).toBeGreaterThan(200);
    const box = unit.body.words?.[0];
    expect(box).toBeDefined();
    for (const v of [box!.left, box!.top, box!.width, box!.height]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }

    const entries = await entriesForAnalysis(id);
    expect(entries.filter((e) => e.kind === "capture").map((e) => Math.abs(e.amount))).toEqual([
      up.quote.priceCredits,
    ]);
  });

  it("stops between scanned pages on a cancel and releases the hold", async () => {
    const bytes = await buildScannedPdf(sampleContract("DYNAMEXINC"), { dpi: 200 });
    const up = await upload(client, bytes, "transportation-scanned.pdf");
    expect(up.quote.scannedPages).toBe(11);
    const id = (await confirm(client, up.document.id, randomUUID())).body.analysis.id;

    await waitFor(
      async () =>
        (
          await client.json<{ analysis: { progress: { stepName: string | null } } }>(
            "GET",
            `/api/analyses/${id}`,
          )
        ).body.analysis.progress.stepName ?? "",
      (stepName) => /Reading scanned pages/.test(stepName),
      { timeoutMs: 60_000, what: "OCR under way" },
    );
    const cancel = await client.json("POST", `/api/analyses/${id}/cancel`);
    expect(cancel.status).toBe(200);
    const { last } = await waitForStatus(client, id, ["cancelled", "succeeded", "failed"], 60_000);
    expect(last.status).toBe("cancelled");

    const kinds = (await entriesForAnalysis(id)).map((e) => e.kind);
    expect(kinds).toContain("release");
    expect(kinds).not.toContain("capture");
    // It stopped between pages: far from all 11 were read.
    expect((await ocrRowsOf(up.document.id)).length).toBeLessThan(11);
  });

  it("fails a hostile scanned page clearly, before decoding it, and charges nothing", async () => {
    const up = await upload(client, await hugeScannedPage(), "huge-scan.pdf");
    expect(up.quote.scannedPages).toBe(1);
    const id = (await confirm(client, up.document.id, randomUUID())).body.analysis.id;
    const { last } = await waitForStatus(client, id, ["failed", "succeeded"], 60_000);
    expect(last.status).toBe("failed");
    expect(last.error?.message).toMatch(/Page 1 could not be read/);
    expect(last.error?.message).toMatch(/too large/i);
    const kinds = (await entriesForAnalysis(id)).map((e) => e.kind);
    expect(kinds).toContain("release");
    expect(kinds).not.toContain("capture");
  });
});
