import { randomUUID } from "node:crypto";
import { addDays, addYears, format, parseISO, subDays, subYears } from "date-fns";
import { parseIcs } from "../support/parse-ics";
import { expect, test } from "./fixtures";

const TODAY = new Date().toISOString().slice(0, 10);

/** An auto-renewing contract whose computed end is in 20 days and whose notice (30 days) passed. */
function renewingContract(name: string) {
  const start = addDays(subYears(parseISO(TODAY), 1), 20);
  const text = [
    `This Hosting Services Agreement (the "Agreement") is entered into as of ${format(start, "MMMM d, yyyy")} (the "Effective Date") by and between ${name} Hosting, Inc., a Delaware corporation ("Provider"), and Calendar Test Corp., a Texas corporation ("Customer").`,
    "Provider shall host the Customer's web site. Customer shall pay each invoice within thirty (30) days after receipt.",
    "The term of this Agreement shall commence on the Effective Date and continue for a period of one (1) year. Thereafter this Agreement shall automatically renew for successive one (1) year periods unless either party gives at least thirty (30) days prior written notice of non-renewal.",
    "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
  ].join("\n\n");
  const end = addYears(start, 1);
  return {
    file: { name: `${name}.txt`, mimeType: "text/plain", buffer: Buffer.from(text) },
    end: format(end, "yyyy-MM-dd"),
    notice: format(subDays(end, 30), "yyyy-MM-dd"),
  };
}

test("deadlines list a contract's dates; the calendar link is shown once, copied and read back", async ({
  signedInAsNewUser,
}) => {
  test.setTimeout(180_000);
  const page = await signedInAsNewUser({ permissions: ["clipboard-read", "clipboard-write"] });
  const name = `deadline-${randomUUID().slice(0, 8)}`;
  const contract = renewingContract(name);

  // Nothing analysed yet: the empty state says what will show up.
  await page.goto("/deadlines");
  await expect(page.getByText(/no deadlines in the next 90 days/i)).toBeVisible();

  await page.goto("/upload");
  await page.getByTestId("upload-input").setInputFiles(contract.file);
  const quote = page.getByTestId("quote-card");
  await expect(quote).toBeVisible();
  await quote.getByTestId("confirm-analysis").click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);
  const analysisId = page.url().split("/").pop()!;
  await expect(page.getByTestId("analysis-detail")).toHaveAttribute("data-status", "succeeded", {
    timeout: 90_000,
  });

  // The nav leads to the deadlines; the passed notice is overdue, the end is within 30 days.
  await page.getByRole("link", { name: "Deadlines" }).first().click();
  await expect(page).toHaveURL(/\/deadlines$/);
  const overdue = page.getByTestId("deadlines-overdue");
  const next30 = page.getByTestId("deadlines-next30");
  const late = overdue.getByTestId("deadline-item");
  await expect(late).toHaveCount(1);
  await expect(late).toContainText("Notice deadline");
  await expect(late).toContainText("10 days ago");
  await expect(overdue.locator(`time[datetime="${contract.notice}"]`)).toBeVisible();
  const ending = next30.getByTestId("deadline-item");
  await expect(ending).toHaveCount(1);
  await expect(ending).toContainText("Term ends");
  await expect(ending).toContainText("in 20 days");
  await expect(ending).toContainText("With Calendar Test Corp.");
  await expect(ending.locator(`time[datetime="${contract.end}"]`)).toBeVisible();
  // "Estimated", with how it was derived on hover (and for screen readers).
  const estimated = ending.getByTestId("estimated-chip");
  await expect(estimated).toContainText("Estimated");
  await estimated.hover();
  await expect(page.getByRole("tooltip")).toContainText(/computed from the start date/i);
  await expect(ending.getByRole("link", { name: "Hosting Services Agreement" })).toHaveAttribute(
    "href",
    `/analyses/${analysisId}`,
  );
  await expect(page.getByTestId("deadlines-next90")).toContainText("Nothing between 31 and 90");

  // The feed: created, shown once with a copy button, and readable without the session.
  await page.getByRole("button", { name: "Create calendar link" }).click();
  const urlField = page.getByTestId("calendar-url");
  await expect(urlField).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feedUrl = await urlField.inputValue();
  await expect(page.getByText(/can't be shown again/i)).toBeVisible();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);

  const feed = await page.request.get(feedUrl, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const { events } = parseIcs(await feed.text());
  const notice = events.find((e) => e.UID === `${analysisId}-notice@clauseflow`);
  const end = events.find((e) => e.UID === `${analysisId}-expiration@clauseflow`);
  expect(notice?.["DTSTART;VALUE=DATE"]).toBe(contract.notice.replaceAll("-", ""));
  expect(end?.["DTSTART;VALUE=DATE"]).toBe(contract.end.replaceAll("-", ""));
  expect(end?.SUMMARY).toContain("Hosting Services Agreement");
  expect(end?.DESCRIPTION).toContain(`/analyses/${analysisId}`);

  // Reopened: the link is active but not shown; a new one revokes it.
  await page.reload();
  await expect(page.getByText(/your calendar link is active/i)).toBeVisible();
  await expect(page.getByTestId("calendar-url")).toHaveCount(0);
  await page.getByRole("button", { name: "Create a new link" }).click();
  await expect(urlField).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(await urlField.inputValue()).not.toBe(feedUrl);
  expect((await page.request.get(feedUrl)).status()).toBe(404);
});
