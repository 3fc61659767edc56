import { buildScannedPdf } from "../../scripts/eval/build-scanned-pdf";
import { sampleContract, withScannedPages } from "../support/scanned-pdf";
import { analyseUpload, openFirstCitedEvidence } from "./analysis-steps";
import { expect, test } from "./fixtures";
import { readSeed } from "./seed";

test("a scanned PDF is quoted at the OCR price, and the quote says so", async ({
  signedInAsNewUser,
}) => {
  // 3 pages, all scans: 3 × 3 = 9 billed pages = 2 credits (a text PDF of 3 pages costs 1).
  const scan = await buildScannedPdf(sampleContract("LEGACYTECHNOLOGY"), { dpi: 100 });
  const page = await signedInAsNewUser();
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles({
    name: "distributor-scan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(scan),
  });
  const card = page.getByTestId("quote-card");
  await expect(card.getByTestId("quote-ocr")).toHaveText(
    /All 3 pages are scans and will be read by OCR.*billed as 3 pages/,
  );
  await expect(card.getByTestId("quote-price")).toHaveText("2 credits");
});

test("where OCR is off, the quote of a mixed PDF names the scans it will not read", async ({
  signedInAsNewUser,
}) => {
  // 4 pages, 2 and 3 scans, uploaded to the web server without tesseract and poppler.
  const mixed = await withScannedPages(sampleContract("HOLIDAYRVSUPERSTORES"), [2, 3]);
  const page = await signedInAsNewUser({ baseURL: readSeed().noOcrBaseUrl });
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles({
    name: "endorsement-mixed.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(mixed),
  });
  const card = page.getByTestId("quote-card");
  // Before confirming: the warning is on the quote, above the confirm button.
  await expect(card.getByTestId("quote-unread-scans")).toContainText(
    "Pages 2 and 3 are scans and will not be read: OCR (text recognition) is off on this server",
  );
  await expect(card.getByTestId("quote-ocr")).toHaveCount(0);
  await expect(card.getByTestId("confirm-analysis")).toBeEnabled();
  const warningBox = await card.getByTestId("quote-unread-scans").boundingBox();
  const confirmBox = await card.getByTestId("confirm-analysis").boundingBox();
  expect(warningBox!.y).toBeLessThan(confirmBox!.y);
});

test("where OCR is off, a batch names the scans it will not read before it is confirmed", async ({
  signedInAsNewUser,
}, testInfo) => {
  const mixed = await withScannedPages(sampleContract("HOLIDAYRVSUPERSTORES"), [2]);
  const page = await signedInAsNewUser({ baseURL: readSeed().noOcrBaseUrl });
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles([
    { name: "mixed.pdf", mimeType: "application/pdf", buffer: Buffer.from(mixed) },
    {
      name: "text.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(sampleContract("LEGACYTECHNOLOGY")),
    },
  ]);
  const card = page.getByTestId("batch-card");
  await expect(card).toHaveAttribute("data-state", "quoted", { timeout: 60_000 });
  const warning = card.getByTestId("batch-unread-scans-warning");
  await expect(warning).toContainText("Scanned pages in 1 file will not be read");
  await expect(warning).toContainText("mixed.pdf: Page 2 is a scan and will not be read");
  await expect(warning).not.toContainText("text.pdf");
  const warningBox = await warning.boundingBox();
  const confirmBox = await card.getByTestId("confirm-batch").boundingBox();
  expect(warningBox!.y).toBeLessThan(confirmBox!.y);
  await page.screenshot({ path: testInfo.outputPath("batch-unread-scans.png"), fullPage: true });
  // A new account's long e-mail in the header once pushed the page 42 px wider than 1280.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "horizontal overflow at 1280 px").toBe(0);
});

test("a citation of a scanned page highlights the quote on the scan, from the OCR word boxes", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(180_000);
  // 3 pages, all scans: OCR reads them all in the worker.
  const scan = await buildScannedPdf(sampleContract("LEGACYTECHNOLOGY"), { dpi: 100 });
  const page = await signedInAsNewUser({ viewport: { width: 1280, height: 800 } });
  await analyseUpload(
    page,
    { name: "distributor-scan.pdf", mimeType: "application/pdf", buffer: Buffer.from(scan) },
    { timeout: 150_000 },
  );

  const { cited, quoted } = await openFirstCitedEvidence(page);
  const quoteWords = quoted
    .replace(/^“/, "")
    .replace(/” — p\. \d+$/, "")
    .split(/\s+/)
    .filter(Boolean).length;
  expect(quoteWords).toBeGreaterThanOrEqual(3);
  await cited.getByTestId("citation").click();
  const panel = page.getByTestId("source-panel");
  const sheet = panel.getByTestId("pdf-page");
  await expect(sheet).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  // A scan has no text layer: the highlight is drawn from the boxes of the words OCR read.
  await expect(panel).toContainText("This page is a scan: the highlight marks the words");
  await expect(panel).not.toContainText("could not be located");
  const highlights = panel.getByTestId("pdf-highlight");
  await expect(highlights.first()).toBeAttached();
  // One box per word OCR read of the quote (give or take a word split differently).
  const boxes = await highlights.count();
  expect(boxes).toBeGreaterThanOrEqual(Math.ceil(quoteWords / 2));
  expect(boxes).toBeLessThanOrEqual(quoteWords + 2);
  // Every box lies on the drawn page and has a size.
  const pageBox = await panel.locator("canvas").boundingBox();
  for (const box of await Promise.all(
    (await highlights.all()).map((highlight) => highlight.boundingBox()),
  )) {
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.height).toBeGreaterThan(0);
    expect(box!.x).toBeGreaterThanOrEqual(pageBox!.x - 1);
    expect(box!.y).toBeGreaterThanOrEqual(pageBox!.y - 1);
    expect(box!.x + box!.width).toBeLessThanOrEqual(pageBox!.x + pageBox!.width + 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(pageBox!.y + pageBox!.height + 1);
  }
});
