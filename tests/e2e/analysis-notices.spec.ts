import type { Page } from "@playwright/test";
import { contractPdfs } from "../support/contracts";
import { expect, test } from "./fixtures";

/** Uploads one file as a single card and waits for its quote. */
async function uploadSingle(page: Page, file: string, cardsBefore: number) {
  await page.getByTestId("upload-input").setInputFiles(file);
  await expect(page.getByTestId("quote-card")).toHaveCount(cardsBefore + 1, { timeout: 60_000 });
}

test("upload page cards follow their analyses to the memo, with a notice naming each document; no notification prompt on first load", async ({
  signedInAsNewUser,
}, testInfo) => {
  test.setTimeout(180_000);
  const [, , third, fourth] = contractPdfs();
  const page = await signedInAsNewUser();

  await page.goto("/upload");
  await expect(page.getByTestId("upload-input")).toBeAttached();
  // First load: nothing confirmed, nothing to be notified about — no prompt.
  await expect(page.getByTestId("notification-prompt")).toHaveCount(0);

  await uploadSingle(page, third!.file, 0);
  await uploadSingle(page, fourth!.file, 1);
  const cards = page.getByTestId("quote-card");
  await expect(page.getByTestId("notification-prompt")).toHaveCount(0);

  // Confirm both: with two cards the page stays, and each card follows its analysis.
  for (const card of [cards.nth(0), cards.nth(1)]) {
    await card.getByTestId("confirm-analysis").click();
    await expect(card.getByTestId("quote-queued")).toBeVisible();
  }

  // Now there is something to wait for: the prompt is offered (this browser was never asked).
  expect(await page.evaluate(() => Notification.permission)).toBe("default");
  const prompt = page.getByTestId("notification-prompt");
  await expect(prompt).toContainText("Get a browser notification when it's done?");
  await prompt.getByTestId("notification-decline").click();
  await expect(prompt).toHaveCount(0);
  // "No thanks" is remembered in this browser.
  expect(
    await page.evaluate(() => localStorage.getItem("clauseflow.notify-prompt-dismissed")),
  ).not.toBeNull();

  for (const [index, contract] of [third!, fourth!].entries()) {
    const card = cards.nth(index);
    const status = card.getByTestId("quote-queued");
    await expect(status).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
    await expect(status).toContainText("Done — the memo is ready.");
    await expect(card.getByTestId("quote-memo-link")).toHaveAttribute(
      "href",
      /^\/analyses\/[0-9a-f-]{36}#memo$/,
    );
    await expect(card.getByTestId("quote-filename")).toHaveText(contract.name);
  }
  // The in-app notice names a document (the last one to finish).
  await expect(page.getByTestId("analysis-notice")).toContainText(
    new RegExp(`Memo ready: (${escapeRegExp(third!.name)}|${escapeRegExp(fourth!.name)})`),
  );
  await page.screenshot({ path: testInfo.outputPath("upload-cards-done.png"), fullPage: true });

  // The memo link opens the analysis with its memo.
  await cards.nth(0).getByTestId("quote-memo-link").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}#memo$/);
  await expect(page.getByTestId("analysis-title")).toHaveText(third!.name);
});

test("an analysis that finishes while its tab is in the background shows a browser notification naming the document", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(180_000);
  const [, , , , fifth] = contractPdfs();
  const page = await signedInAsNewUser();
  const context = page.context();
  await context.grantPermissions(["notifications"]);
  // Records every `new Notification(...)` and lets the test hide the tab (headless tabs never
  // are): `document.visibilityState` answers what `window.__hidden` says.
  await context.addInitScript(() => {
    const w = window as unknown as {
      __notifications: { title: string; body: string | undefined }[];
      __hidden: boolean;
    };
    w.__notifications = [];
    w.__hidden = false;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        w.__notifications.push({ title, body: options?.body });
        super(title, options);
      }
    }
    Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
    Object.defineProperty(Recorded, "requestPermission", {
      value: Real.requestPermission.bind(Real),
    });
    window.Notification = Recorded;
    Object.defineProperty(Document.prototype, "visibilityState", {
      configurable: true,
      get: () => (w.__hidden ? "hidden" : "visible"),
    });
    Object.defineProperty(Document.prototype, "hidden", {
      configurable: true,
      get: () => w.__hidden,
    });
  });

  await page.goto("/upload");
  await uploadSingle(page, fifth!.file, 0);
  await page.getByTestId("quote-card").getByTestId("confirm-analysis").click();
  // One card: the page moves to the analysis. Permission is granted: no prompt to show.
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("analysis-detail")).toBeVisible();
  await expect(page.getByTestId("notification-prompt")).toHaveCount(0);

  // The user switches to another tab.
  await page.evaluate(() => {
    (window as unknown as { __hidden: boolean }).__hidden = true;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect
    .poll(
      () =>
        page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications),
      { timeout: 120_000, intervals: [1_000] },
    )
    .toEqual([{ title: `Memo ready: ${fifth!.name}`, body: `${fifth!.name}: open the memo.` }]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("a cancel that reaches a finished analysis says so and what was charged, then gives focus back", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(180_000);
  const contract = contractPdfs()[6]!;
  const page = await signedInAsNewUser();
  await page.goto("/upload");
  await uploadSingle(page, contract.file, 0);
  await page.getByTestId("quote-card").getByTestId("confirm-analysis").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const detail = page.getByTestId("analysis-detail");

  // The user opens the cancel dialog and hesitates; meanwhile the analysis finishes.
  await page.getByTestId("cancel-analysis").click();
  const dialog = page.getByTestId("cancel-dialog");
  await expect(dialog).toBeVisible();
  await expect(detail).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });
  await dialog.getByTestId("cancel-analysis-confirm").click();

  // Not a silent close with a promise of a release: the dialog says what happened.
  await expect(dialog.getByTestId("cancel-answer")).toHaveText(
    /^It finished before your cancel reached it: the memo is ready and \d+ credits? (was|were) charged\.$/,
  );
  await dialog.getByTestId("cancel-answer-close").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("analysis-outcome")).toContainText("Memo ready");
  // Focus is not lost on the body: it is on the analysis's status.
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
});
