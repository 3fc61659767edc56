import { addDays, addYears, format, parseISO, subMonths, subYears } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnalysisView } from "@/lib/analyses/analysis-view";
import { backfillContractTerms } from "@/lib/contract-terms/backfill-contract-terms";
import { db } from "@/lib/db/client";
import { analyses, contractTerms, users } from "@/lib/db/schema";
import type { DeadlineItem } from "@/lib/deadlines/group-deadlines";
import { todayUtc } from "@/lib/deadlines/list-deadlines";
import { ApiClient } from "@/tests/support/api-client";
import { integrationStack } from "@/tests/support/integration-stack";
import { confirm, type UploadResponse, waitForStatus } from "@/tests/support/journey";
import { parseIcs } from "@/tests/support/parse-ics";

const { baseUrl } = integrationStack();

type Deadlines = {
  today: string;
  days: number;
  overdue: DeadlineItem[];
  next30: DeadlineItem[];
  next90: DeadlineItem[];
  calendar: { active: boolean };
};

const TODAY = todayUtc();
const day = (offset: number) => format(addDays(parseISO(TODAY), offset), "yyyy-MM-dd");
const spelled = (iso: string) => format(parseISO(iso), "MMMM d, yyyy");

async function signUp() {
  const account = await ApiClient.signUp(baseUrl);
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${account.email})`);
  return { ...account, userId: row!.id };
}

async function uploadText(client: ApiClient, name: string, text: string): Promise<UploadResponse> {
  const response = await client.upload(new TextEncoder().encode(text), name, "text/plain");
  expect(response.status).toBe(201);
  return (await response.json()) as UploadResponse;
}

/**
 * A succeeded analysis with exactly these terms: uploaded (so its document and analysis rows
 * are real), then marked succeeded with its row written in one transaction (the backfill never
 * sees it without one).
 */
async function analysisWithTerms(
  client: ApiClient,
  userId: string,
  name: string,
  terms: Partial<typeof contractTerms.$inferInsert>,
): Promise<string> {
  const { quote } = await uploadText(client, `${name}.txt`, `Agreement ${name} between A and B.`);
  const analysisId = quote.analysisId;
  await db.transaction(async (tx) => {
    await tx
      .update(analyses)
      // Free (price 0): no ledger entries are due, so the shared stack's ledger check stays clean.
      .set({ status: "succeeded", priceCredits: 0, finishedAt: sql`now()` })
      .where(eq(analyses.id, analysisId));
    await tx
      .insert(contractTerms)
      .values({ analysisId, userId, resultVersion: 1, title: name, ...terms });
  });
  return analysisId;
}

const keys = (items: DeadlineItem[]) => items.map((i) => `${i.kind} ${i.date} ${i.title}`);

describe("deadlines and the calendar feed", () => {
  let owner: Awaited<ReturnType<typeof signUp>>;
  const ids: Record<string, string> = {};
  // The real contract: it started a year ago less 20 days, runs one year and renews unless
  // notice is given 30 days before, so its (computed) end is in 20 days and its notice
  // deadline passed 10 days ago.
  const realStart = format(addDays(subYears(parseISO(TODAY), 1), 20), "yyyy-MM-dd");
  const realEnd = format(addYears(parseISO(realStart), 1), "yyyy-MM-dd");
  let real: AnalysisView;
  // Renewing ended two years before day 45 and renews yearly: rolled forward twice.
  const renewingStated = format(subYears(parseISO(day(45)), 2), "yyyy-MM-dd");
  const renewingEnd = format(addYears(parseISO(renewingStated), 2), "yyyy-MM-dd");
  const renewingNotice = format(subMonths(parseISO(renewingEnd), 1), "yyyy-MM-dd");

  beforeAll(async () => {
    owner = await signUp();
    const text = [
      `This Hosting Services Agreement (the "Agreement") is entered into as of ${spelled(realStart)} (the "Effective Date") by and between Nimbus Hosting, Inc., a Delaware corporation ("Provider"), and Deadline Test Corp., a Texas corporation ("Customer").`,
      "Provider shall host the Customer's web site. Customer shall pay each invoice within thirty (30) days after receipt.",
      "The term of this Agreement shall commence on the Effective Date and continue for a period of one (1) year. Thereafter this Agreement shall automatically renew for successive one (1) year periods unless either party gives at least thirty (30) days prior written notice of non-renewal.",
      "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
    ].join("\n\n");
    const upload = await uploadText(owner.client, "nimbus-hosting.txt", text);
    const confirmed = await confirm(owner.client, upload.document.id);
    expect(confirmed.status).toBe(202);
    ({ last: real } = await waitForStatus(owner.client, confirmed.body.analysis.id, ["succeeded"]));

    ids.soon = await analysisWithTerms(owner.client, owner.userId, "Soon", {
      counterparty: "Soon Co",
      expirationDate: day(10),
      noticePeriod: "P30D",
    });
    ids.later = await analysisWithTerms(owner.client, owner.userId, "Later", {
      expirationDate: day(60),
      expirationEstimated: true,
    });
    ids.ended = await analysisWithTerms(owner.client, owner.userId, "Ended", {
      expirationDate: day(-40),
      autoRenews: false,
      noticePeriod: "P10D",
    });
    ids.perpetual = await analysisWithTerms(owner.client, owner.userId, "Perpetual", {
      perpetual: true,
      expirationDate: day(5),
    });
    ids.far = await analysisWithTerms(owner.client, owner.userId, "Far", {
      expirationDate: day(200),
    });
    ids.renewing = await analysisWithTerms(owner.client, owner.userId, "Renewing", {
      expirationDate: renewingStated,
      autoRenews: true,
      renewalTerm: "P1Y",
      noticePeriod: "P1M",
    });
  }, 120_000);

  it("writes the key terms of an analysis in the capture, and the backfill writes the same", async () => {
    const [row] = await db
      .select()
      .from(contractTerms)
      .where(eq(contractTerms.analysisId, real.id));
    expect(row).toMatchObject({
      userId: owner.userId,
      resultVersion: 1,
      title: "Hosting Services Agreement",
      contractType: "services",
      parties: ["Nimbus Hosting, Inc.", "Deadline Test Corp."],
      counterparty: "Deadline Test Corp.",
      effectiveDate: realStart,
      expirationDate: realEnd,
      expirationEstimated: true,
      perpetual: false,
      autoRenews: true,
      renewalTerm: "P1Y",
      noticePeriod: "P30D",
      governingLaw: "New York",
    });
    expect(row!.riskCodes).toContain("auto_renewal");

    // An analysis captured before the table existed: the backfill derives the same row.
    await db.delete(contractTerms).where(eq(contractTerms.analysisId, real.id));
    await backfillContractTerms({ limit: 1_000, force: true });
    const [again] = await db
      .select()
      .from(contractTerms)
      .where(eq(contractTerms.analysisId, real.id));
    expect({ ...again, updatedAt: null }).toEqual({ ...row, updatedAt: null });
  });

  it("groups notice deadlines and expirations: overdue, next 30 days, up to 90", async () => {
    const { status, body } = await owner.client.json<Deadlines>("GET", "/api/deadlines");
    expect(status).toBe(200);
    expect(body.today).toBe(TODAY);
    expect(body.days).toBe(90);
    expect(keys(body.overdue)).toEqual([
      `notice ${day(-20)} Soon`,
      `notice ${day(-10)} Hosting Services Agreement`,
    ]);
    expect(keys(body.next30)).toEqual(
      [
        `expiration ${day(10)} Soon`,
        `notice ${renewingNotice} Renewing`,
        `expiration ${day(20)} Hosting Services Agreement`,
      ].sort((a, b) => a.split(" ")[1]!.localeCompare(b.split(" ")[1]!)),
    );
    expect(keys(body.next90)).toEqual([
      `expiration ${renewingEnd} Renewing`,
      `expiration ${day(60)} Later`,
    ]);
    const renewing = body.next90.find((i) => i.title === "Renewing" && i.kind === "expiration");
    expect(renewing).toMatchObject({ estimated: true, autoRenews: true, analysisId: ids.renewing });
    const later = body.next90.find((i) => i.title === "Later");
    expect(later?.estimated).toBe(true);
    expect(later?.basis).toMatch(/computed from the start date/);
    const soon = body.next30.find((i) => i.title === "Soon");
    expect(soon).toMatchObject({ estimated: false, counterparty: "Soon Co", filename: "Soon.txt" });
    // Ended over 30 days ago, perpetual, and beyond the window: not listed.
    const listed = [...body.overdue, ...body.next30, ...body.next90].map((i) => i.title);
    for (const absent of ["Ended", "Perpetual", "Far"]) expect(listed).not.toContain(absent);

    const wide = await owner.client.json<Deadlines>("GET", "/api/deadlines?days=366");
    expect(keys(wide.body.next90)).toContain(`expiration ${day(200)} Far`);
    for (const bad of ["0", "367", "ninety", "1.5"]) {
      expect((await owner.client.request("GET", `/api/deadlines?days=${bad}`)).status, bad).toBe(
        422,
      );
    }
  });

  it("shows nobody else's deadlines, and needs a session", async () => {
    const stranger = await signUp();
    const { body } = await stranger.client.json<Deadlines>("GET", "/api/deadlines");
    expect([...body.overdue, ...body.next30, ...body.next90]).toEqual([]);
    expect(body.calendar.active).toBe(false);
    expect((await fetch(`${baseUrl}/api/deadlines`)).status).toBe(401);
  });

  it("serves the ICS feed without a cookie at a secret URL that rotation and deletion revoke", async () => {
    expect((await fetch(`${baseUrl}/api/calendar/token`, { method: "POST" })).status).toBe(401);
    const created = await owner.client.json<{ url: string }>("POST", "/api/calendar/token");
    expect(created.status).toBe(200);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the hash is stored: the secret is nowhere in the database.
    const secret = url.pathname.slice("/api/calendar/".length, -".ics".length);
    const [stored] = await db
      .select({ hash: users.calendarTokenHash })
      .from(users)
      .where(eq(users.id, owner.userId));
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.hash).not.toContain(secret);
    const { body: status } = await owner.client.json<Deadlines>("GET", "/api/deadlines");
    expect(status.calendar.active).toBe(true);

    const feedUrl = `${baseUrl}${url.pathname}`;
    const feed = await fetch(feedUrl); // no cookie
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const { events } = parseIcs(await feed.text());
    const byUid = new Map(events.map((e) => [e.UID, e]));
    const compact = (iso: string) => iso.replaceAll("-", "");
    expect(byUid.get(`${ids.soon}-notice@clauseflow`)?.["DTSTART;VALUE=DATE"]).toBe(
      compact(day(-20)),
    );
    expect(byUid.get(`${ids.soon}-expiration@clauseflow`)?.["DTSTART;VALUE=DATE"]).toBe(
      compact(day(10)),
    );
    expect(byUid.get(`${ids.soon}-expiration@clauseflow`)?.["DTEND;VALUE=DATE"]).toBe(
      compact(day(11)),
    );
    expect(byUid.get(`${ids.far}-expiration@clauseflow`)?.["DTSTART;VALUE=DATE"]).toBe(
      compact(day(200)),
    );
    const realNotice = byUid.get(`${real.id}-notice@clauseflow`);
    expect(realNotice?.SUMMARY).toBe(
      "Notice deadline: Hosting Services Agreement (Deadline Test Corp.) (estimated)",
    );
    expect(realNotice?.DESCRIPTION).toContain(`/analyses/${real.id}`);
    expect(byUid.has(`${ids.perpetual}-expiration@clauseflow`)).toBe(false);
    expect(byUid.has(`${ids.ended}-expiration@clauseflow`)).toBe(false);

    // Wrong, malformed and rotated secrets are 404, like any missing page.
    const wrong = `${baseUrl}/api/calendar/${"A".repeat(43)}.ics`;
    expect((await fetch(wrong)).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/calendar/${secret}`)).status).toBe(404);
    expect((await fetch(`${baseUrl}/api/calendar/not-a-token.ics`)).status).toBe(404);
    const rotated = await owner.client.json<{ url: string }>("POST", "/api/calendar/token");
    expect(rotated.body.url).not.toBe(created.body.url);
    expect((await fetch(feedUrl)).status).toBe(404);
    const newFeedUrl = `${baseUrl}${new URL(rotated.body.url).pathname}`;
    expect((await fetch(newFeedUrl)).status).toBe(200);

    // A deleted analysis loses its row, its deadlines and its events.
    expect((await owner.client.request("DELETE", `/api/analyses/${ids.soon}`)).status).toBe(204);
    expect(await db.$count(contractTerms, eq(contractTerms.analysisId, ids.soon!))).toBe(0);
    const { body: after } = await owner.client.json<Deadlines>("GET", "/api/deadlines");
    expect([...after.overdue, ...after.next30].map((i) => i.title)).not.toContain("Soon");
    const { events: left } = parseIcs(await (await fetch(newFeedUrl)).text());
    expect(left.map((e) => e.UID)).not.toContain(`${ids.soon}-expiration@clauseflow`);
    // The backfill does not bring a deleted analysis's row back.
    await backfillContractTerms({ limit: 1_000, force: true });
    expect(await db.$count(contractTerms, eq(contractTerms.analysisId, ids.soon!))).toBe(0);

    // Turning the feed off revokes it; so does deleting the account.
    expect((await owner.client.request("DELETE", "/api/calendar/token")).status).toBe(204);
    expect((await fetch(newFeedUrl)).status).toBe(404);
    const last = await owner.client.json<{ url: string }>("POST", "/api/calendar/token");
    const lastUrl = `${baseUrl}${new URL(last.body.url).pathname}`;
    expect((await fetch(lastUrl)).status).toBe(200);
    const gone = await owner.client.request("DELETE", "/api/me", {
      json: { password: owner.password },
    });
    expect(gone.status).toBe(204);
    expect((await fetch(lastUrl)).status).toBe(404);
    expect(await db.$count(contractTerms, eq(contractTerms.userId, owner.userId))).toBe(0);
  });
});
