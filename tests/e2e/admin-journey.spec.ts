import fs from "node:fs";
import postgres from "postgres";
import { expect, test } from "./fixtures";
import { readSeed as seed } from "./seed";

test("an admin finds a failed analysis by filter, reads its timeline, retries it free of charge and watches it succeed", async ({
  adminPage: page,
}, testInfo) => {
  const shot = (name: string) =>
    page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const { user, admin, failed, databaseUrl } = seed();

  // Job history: filter by status and user; the failed analysis is the one row.
  await page.goto("/admin");
  await page.getByTestId("admin-status-filter").locator("..").click();
  await page.getByRole("option", { name: "Failed" }).click();
  await page.getByTestId("admin-user-filter").fill(user.email);
  const row = page.getByTestId("admin-analysis-row").filter({ hasText: failed.documentName });
  await expect(row).toHaveCount(1);
  await expect(page.getByTestId("admin-analysis-row")).toHaveCount(1);
  await expect(row).toHaveAttribute("data-status", "failed");
  await shot("01-filtered-history");

  // Detail: the timeline from analysis_events, the internal error, the released hold.
  await row.getByTestId("admin-analysis-link").click();
  await expect(page).toHaveURL(new RegExp(`/admin/analyses/${failed.analysisId}$`));
  const timeline = page.getByTestId("analysis-timeline");
  for (const type of ["confirmed", "enqueued", "attempt_started", "failed"]) {
    await expect(timeline.locator(`[data-type="${type}"]`).first()).toBeVisible();
  }
  await expect(page.getByTestId("admin-error-detail")).toContainText("DocumentError");
  await expect(page.locator('[data-testid="credit-entry"][data-kind="release"]')).toBeVisible();
  await shot("02-timeline");

  // The operator fixes the cause (the stored bytes) before retrying.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`update document_blobs set bytes = ${fs.readFileSync(failed.file)} where document_id = ${failed.documentId}`;
  await sql.end();

  await page.getByTestId("admin-retry").click();
  const dialog = page.getByTestId("retry-dialog");
  await expect(dialog).toContainText("Free of charge: the user is not charged again");
  await dialog.getByTestId("retry-dialog-reason").fill("Storage repaired after the incident");
  await page.getByTestId("retry-dialog-confirm").click();

  // The new analysis opens and is followed live until it succeeds.
  await expect(page).not.toHaveURL(new RegExp(failed.analysisId));
  const detail = page.getByTestId("admin-analysis-detail");
  await expect(detail).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(detail).toContainText("Free (admin retry)");
  await expect(page.getByTestId("analysis-timeline")).toContainText("Succeeded");
  await shot("03-retry-succeeded");

  // The admin lets the user run four analyses at once (design.md "Admission"), with a reason.
  await page.goto("/admin/users");
  await page.getByTestId("admin-users-search").fill(user.email);
  await page.getByTestId("admin-user-link").filter({ hasText: user.email }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: user.email })).toBeVisible();
  await expect(page.getByTestId("active-limit")).toContainText("(default)");
  await page.getByTestId("change-active-limit").click();
  const limitDialog = page.getByTestId("active-limit-dialog");
  await limitDialog.getByRole("combobox").click();
  await page.getByRole("option", { name: "4", exact: true }).click();
  await limitDialog.getByTestId("active-limit-dialog-reason").fill("Team plan: four at once");
  await page.getByTestId("active-limit-dialog-confirm").click();
  await expect(page.getByTestId("active-limit-notice")).toContainText(
    `${user.email} may now have 4 analyses running at once`,
  );
  await expect(page.getByTestId("active-limit")).toContainText("Analyses at once: 4");
  await shot("04a-active-limit");

  // The audit log says who retried, why, and that it was free.
  await page.goto("/admin/audit");
  const entry = page
    .getByTestId("audit-row")
    .filter({ hasText: "Storage repaired after the incident" });
  await expect(entry).toHaveAttribute("data-kind", "retry_analysis");
  await expect(entry).toContainText("free of charge");
  await expect(entry).toContainText(admin.email);
  const limitEntry = page.getByTestId("audit-row").filter({ hasText: "Team plan: four at once" });
  await expect(limitEntry).toHaveAttribute("data-kind", "set_user_active_limit");
  await expect(limitEntry).toContainText("default → 4 at once");
  await shot("04-audit-log");

  // Queue health: counts from BullMQ and the live worker.
  await page.goto("/admin/queue");
  await expect(page.getByTestId("queue-count-waiting")).toBeVisible();
  await expect(page.locator('[data-testid="worker-row"][data-state="up"]').first()).toBeVisible();
  await shot("05-queue-health");
});
