import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Text compared as the viewers match it: no whitespace, lower case. */
export const squash = (text: string) => text.replace(/\s+/g, "").toLowerCase();

/**
 * The upload journey up to a finished analysis: choose the file(s) on /upload, confirm the quote,
 * land on the analysis page and wait until it has succeeded. Answers the analysis page's URL.
 */
export async function analyseUpload(
  page: Page,
  files: Parameters<Page["setInputFiles"]>[1],
  { timeout }: { timeout: number },
): Promise<string> {
  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(files);
  await page.getByTestId("quote-card").getByTestId("confirm-analysis").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const url = page.url();
  await expect(page.getByTestId("analysis-detail")).toHaveAttribute("data-status", "succeeded", {
    timeout,
  });
  return url;
}

/**
 * On a succeeded analysis: expand every finding and open the evidence of the first one that cites
 * its source. Answers that finding and its quote as shown (“…” — p. N).
 */
export async function openFirstCitedEvidence(page: Page) {
  await page.getByTestId("findings-expand-all").click();
  const cited = page
    .getByTestId("finding")
    .filter({ has: page.getByTestId("citation") })
    .first();
  await cited.getByTestId("toggle-evidence").click();
  const quoted = (await cited.getByTestId("evidence-quote").textContent()) ?? "";
  return { cited, quoted };
}
