import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { contractPdfs } from "../support/contracts";
import { expect, test } from "./fixtures";

test("a user uploads several contracts as one batch, confirms once, follows it and downloads every memo", async ({
  signedInAsNewUser,
}, testInfo) => {
  test.setTimeout(180_000);
  const [first, second, third] = contractPdfs();
  const page = await signedInAsNewUser({ acceptDownloads: true });
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

  await page.goto("/upload");
  const pdf = (contract: typeof first) => ({
    name: contract!.name,
    mimeType: "application/pdf",
    buffer: fs.readFileSync(contract!.file),
  });
  await page.getByTestId("upload-input").setInputFiles([
    pdf(first),
    pdf(second),
    // A Windows executable: left out of the batch, and free.
    { name: "setup.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ\x90\0") },
  ]);
  const card = page.getByTestId("batch-card");
  await expect(card).toHaveAttribute("data-state", "quoted", { timeout: 60_000 });
  await expect(card.getByTestId("batch-file")).toHaveCount(2);
  await expect(card.getByTestId("batch-problem")).toHaveCount(1);
  await expect(card.getByTestId("batch-problem")).toContainText("setup.exe — excluded, free");
  // One card, one price: no per-file quote cards for a batch.
  await expect(page.getByTestId("quote-card")).toHaveCount(0);
  const total = (await card.getByTestId("batch-total").textContent()) ?? "";
  const button = card.getByTestId("confirm-batch");
  await expect(button).toHaveText(`Analyze 2 contracts for ${total}`);
  await shot("01-batch-quote");

  await button.click();
  await expect(page).toHaveURL(/\/batches\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("batch-progress-text")).toHaveText("2 of 2 done — finished", {
    timeout: 120_000,
  });
  await expect(page.locator('[data-testid="batch-file"][data-status="succeeded"]')).toHaveCount(2);
  await shot("02-batch-done");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-memos-zip").click(),
  ]);
  expect(download.suggestedFilename()).toBe("3 files - memos.zip");
  const entries = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  expect(Object.keys(entries)).toHaveLength(2);
  for (const name of Object.keys(entries)) expect(name).toMatch(/ - memo\.md$/);

  // Each contract opens its analysis, which links back to its batch.
  const batchUrl = page.url();
  await page.getByTestId("batch-file").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  await page.getByTestId("analysis-batch-link").click();
  await expect(page).toHaveURL(batchUrl);

  // The batch is linked from My analyses.
  await page.goto("/analyses");
  await expect(page.getByTestId("batch-link").first()).toContainText("3 files");

  // The same contract in a later batch is not bought again: it is left out, with its memo.
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles([pdf(first), pdf(third)]);
  const again = page.getByTestId("batch-card");
  await expect(again).toHaveAttribute("data-state", "quoted", { timeout: 60_000 });
  await expect(again.getByTestId("batch-file")).toHaveCount(1);
  const before = again.getByTestId("batch-problem");
  await expect(before).toContainText(`${first!.name} — excluded, free`);
  await expect(before).toContainText("You analyzed this file before");
  await expect(again.getByTestId("confirm-batch")).toHaveText(/^Analyze 1 contract for /);
  await shot("03-analysed-before");
  await before.getByRole("link", { name: "Open its memo" }).click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first!.name);
});

test("choosing a folder makes one batch of its contracts, hidden files left out", async ({
  signedInAsNewUser,
}, testInfo) => {
  // A new account: a contract the shared user has analysed elsewhere would be left out as such.
  const page = await signedInAsNewUser();
  const folder = testInfo.outputPath("contracts-folder");
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(contractPdfs()[0]!.file, path.join(folder, "one.pdf"));
  fs.writeFileSync(
    path.join(folder, "two.txt"),
    "Services Agreement between Acme Inc. and Beta LLC. Customer shall pay $100 per month.",
  );
  fs.writeFileSync(path.join(folder, ".DS_Store"), "finder");

  await page.goto("/upload");
  await page.getByTestId("folder-input").setInputFiles(folder);
  const card = page.getByTestId("batch-card");
  await expect(card).toHaveAttribute("data-state", "quoted", { timeout: 60_000 });
  await expect(card.getByTestId("batch-file")).toHaveCount(2);
  await expect(card.getByTestId("batch-problem")).toHaveCount(0);
  await expect(card.getByTestId("confirm-batch")).toHaveText(
    /^Analyze 2 contracts for \d+ credits?$/,
  );
});
