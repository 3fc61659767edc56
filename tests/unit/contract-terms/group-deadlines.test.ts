import { describe, expect, it } from "vitest";
import { buildCalendarFeed, FEED_MAX_EVENTS } from "@/lib/calendar/build-calendar-feed";
import { type DeadlineSource, groupDeadlines } from "@/lib/deadlines/group-deadlines";
import { parseIcs } from "@/tests/support/parse-ics";

const TODAY = "2027-01-15";
let n = 0;
const source = (over: Partial<DeadlineSource>): DeadlineSource => ({
  analysisId: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  title: `Contract ${n}`,
  filename: `contract-${n}.pdf`,
  counterparty: "Globex LLC",
  expirationDate: null,
  expirationEstimated: false,
  perpetual: false,
  autoRenews: null,
  renewalTerm: null,
  noticePeriod: null,
  ...over,
});
const summary = (items: { kind: string; date: string; title: string }[]) =>
  items.map((i) => `${i.kind} ${i.date} ${i.title}`);

describe("groupDeadlines", () => {
  it("sorts dates into overdue, the next 30 days and the rest of the window", () => {
    const soon = source({ title: "Soon", expirationDate: "2027-02-14", noticePeriod: "P30D" });
    const later = source({ title: "Later", expirationDate: "2027-04-15", noticePeriod: "P1M" });
    const beyond = source({ title: "Beyond", expirationDate: "2027-09-01" });
    const groups = groupDeadlines([later, beyond, soon], TODAY, 90);
    expect(summary(groups.next30)).toEqual([
      "notice 2027-01-15 Soon",
      "expiration 2027-02-14 Soon",
    ]);
    expect(summary(groups.next90)).toEqual([
      "notice 2027-03-15 Later",
      "expiration 2027-04-15 Later",
    ]);
    expect(groups.overdue).toEqual([]);
  });

  it("keeps day 30 in the next 30 days and day 31 after it; the window ends at `days`", () => {
    const day30 = source({ title: "Day 30", expirationDate: "2027-02-14" });
    const day31 = source({ title: "Day 31", expirationDate: "2027-02-15" });
    const day90 = source({ title: "Day 90", expirationDate: "2027-04-15" });
    const day91 = source({ title: "Day 91", expirationDate: "2027-04-16" });
    const groups = groupDeadlines([day30, day31, day90, day91], TODAY, 90);
    expect(summary(groups.next30)).toEqual(["expiration 2027-02-14 Day 30"]);
    expect(summary(groups.next90)).toEqual([
      "expiration 2027-02-15 Day 31",
      "expiration 2027-04-15 Day 90",
    ]);
    const short = groupDeadlines([day30, day31], TODAY, 10);
    expect(short.next30).toEqual([]);
    expect(short.next90).toEqual([]);
  });

  it("shows a passed notice deadline as overdue while its term still runs, however long ago", () => {
    const late = source({ title: "Late", expirationDate: "2027-03-01", noticePeriod: "P6M" });
    const groups = groupDeadlines([late], TODAY, 90);
    expect(summary(groups.overdue)).toEqual(["notice 2026-09-01 Late"]);
    expect(summary(groups.next90)).toEqual(["expiration 2027-03-01 Late"]);
  });

  it("keeps ended contracts for 30 days, then drops them", () => {
    const recent = source({ title: "Recent", expirationDate: "2026-12-16", noticePeriod: "P10D" });
    const old = source({ title: "Old", expirationDate: "2026-12-15" });
    const groups = groupDeadlines([recent, old], TODAY, 90);
    // Recent's notice deadline (Dec 6) is past 30 days and its term is over: no longer shown.
    expect(summary(groups.overdue)).toEqual(["expiration 2026-12-16 Recent"]);
  });

  it("rolls auto-renewing contracts forward and marks the dates estimated", () => {
    const renewing = source({
      title: "Renewing",
      expirationDate: "2020-02-29",
      autoRenews: true,
      renewalTerm: "P1Y",
      noticePeriod: "P60D",
    });
    const groups = groupDeadlines([renewing], TODAY, 90);
    const all = [...groups.overdue, ...groups.next30, ...groups.next90];
    expect(all.map((i) => [i.kind, i.date, i.estimated])).toEqual([
      ["notice", "2026-12-30", true],
      ["expiration", "2027-02-28", true],
    ]);
    expect(groups.overdue[0]?.basis).toMatch(
      /60 days of notice before the end of the current renewal term/,
    );
    expect(all[1]?.basis).toMatch(
      /^Estimated: .*1 year renewals counted from the end date 2020-02-29/,
    );
  });

  it("gives perpetual contracts and those without an end nothing, and names untitled ones by file", () => {
    const groups = groupDeadlines(
      [
        source({ perpetual: true, expirationDate: "2027-01-20" }),
        source({ expirationDate: null, noticePeriod: "P30D" }),
        source({ title: null, filename: "untitled.pdf", expirationDate: "2027-01-20" }),
      ],
      TODAY,
      90,
    );
    expect(summary(groups.next30)).toEqual(["expiration 2027-01-20 untitled.pdf"]);
  });
});

describe("buildCalendarFeed", () => {
  it("writes one all-day event per date, with stable UIDs, the link and the estimate", async () => {
    const renewing = source({
      title: "Hosting Agreement",
      counterparty: "Acme; Inc.",
      expirationDate: "2026-03-31",
      autoRenews: true,
      renewalTerm: "P1Y",
      noticePeriod: "P1M",
    });
    const stated = source({ title: "Lease", counterparty: null, expirationDate: "2027-02-01" });
    const groups = groupDeadlines([renewing, stated], TODAY, 400);
    const { calendar, events } = parseIcs(await buildCalendarFeed(groups));
    expect(calendar["X-WR-CALNAME"]).toBe("Clauseflow deadlines");
    expect(events.map((e) => [e.UID, e["DTSTART;VALUE=DATE"], e["DTEND;VALUE=DATE"]])).toEqual([
      [`${stated.analysisId}-expiration@clauseflow`, "20270201", "20270202"],
      [`${renewing.analysisId}-notice@clauseflow`, "20270228", "20270301"],
      [`${renewing.analysisId}-expiration@clauseflow`, "20270331", "20270401"],
    ]);
    const notice = events[1]!;
    expect(notice.SUMMARY).toBe("Notice deadline: Hosting Agreement (Acme; Inc.) (estimated)");
    expect(notice.DESCRIPTION).toContain(`/analyses/${renewing.analysisId}`);
    expect(notice.DESCRIPTION).toContain("Estimated date.");
    expect(events[0]?.SUMMARY).toBe("Contract ends: Lease");
    expect(events[0]?.DESCRIPTION).not.toContain("Estimated");
  });

  it("holds at most FEED_MAX_EVENTS events, the soonest first", async () => {
    const day = (i: number) =>
      new Date(Date.UTC(2027, 0, 16) + i * 3_600_000 * 6).toISOString().slice(0, 10);
    // More contracts than the cap, given out of date order.
    const many = Array.from({ length: FEED_MAX_EVENTS + 200 }, (_, i) =>
      source({ expirationDate: day(FEED_MAX_EVENTS + 199 - i) }),
    );
    const { events } = parseIcs(await buildCalendarFeed(groupDeadlines(many, TODAY, 400)));
    expect(events).toHaveLength(FEED_MAX_EVENTS);
    const dates = events.map((e) => e["DTSTART;VALUE=DATE"] ?? "");
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe(day(0).replaceAll("-", ""));
  });

  it("is a valid empty calendar when there is nothing to show", async () => {
    const { events } = parseIcs(await buildCalendarFeed({ overdue: [], next30: [], next90: [] }));
    expect(events).toEqual([]);
  });
});
