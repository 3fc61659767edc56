import { describe, expect, it } from "vitest";
import { type TermDates, upcomingDates } from "@/lib/contract-terms/upcoming-dates";

const base: TermDates = {
  expirationDate: "2027-06-30",
  expirationEstimated: false,
  perpetual: false,
  autoRenews: null,
  renewalTerm: null,
  noticePeriod: null,
};
const terms = (over: Partial<TermDates>): TermDates => ({ ...base, ...over });

describe("upcomingDates", () => {
  it("gives the stated expiration and the notice deadline before it", () => {
    expect(upcomingDates(terms({ noticePeriod: "P60D" }), "2027-01-01")).toEqual({
      expiration: { date: "2027-06-30", estimated: false },
      noticeDeadline: { date: "2027-05-01", estimated: false },
    });
  });

  it("counts P30D in days and P1M in calendar months", () => {
    const end = { expirationDate: "2027-03-31" };
    expect(
      upcomingDates(terms({ ...end, noticePeriod: "P30D" }), "2027-01-01").noticeDeadline,
    ).toEqual({ date: "2027-03-01", estimated: false });
    expect(
      upcomingDates(terms({ ...end, noticePeriod: "P1M" }), "2027-01-01").noticeDeadline,
    ).toEqual({ date: "2027-02-28", estimated: false });
  });

  it("clamps a month back from a month end to the shorter month, leap years included", () => {
    const leap = upcomingDates(
      terms({ expirationDate: "2028-03-31", noticePeriod: "P1M" }),
      "2028-01-01",
    );
    expect(leap.noticeDeadline?.date).toBe("2028-02-29");
    const threeMonths = upcomingDates(
      terms({ expirationDate: "2027-05-31", noticePeriod: "P3M" }),
      "2027-01-01",
    );
    expect(threeMonths.noticeDeadline?.date).toBe("2027-02-28");
  });

  it("handles weeks, years and combined durations", () => {
    expect(upcomingDates(terms({ noticePeriod: "P2W" }), "2027-01-01").noticeDeadline?.date).toBe(
      "2027-06-16",
    );
    expect(upcomingDates(terms({ noticePeriod: "P1Y" }), "2027-01-01").noticeDeadline?.date).toBe(
      "2026-06-30",
    );
    expect(
      upcomingDates(terms({ noticePeriod: "P1M15D" }), "2027-01-01").noticeDeadline?.date,
    ).toBe("2027-05-15");
  });

  it("rolls an auto-renewing contract forward by whole cycles until its end is on or after today", () => {
    const result = upcomingDates(
      terms({
        expirationDate: "2020-03-15",
        autoRenews: true,
        renewalTerm: "P1Y",
        noticePeriod: "P90D",
      }),
      "2026-12-05",
    );
    expect(result.expiration).toEqual({ date: "2027-03-15", estimated: true });
    expect(result.noticeDeadline).toEqual({ date: "2026-12-15", estimated: true });
  });

  it("keeps an end that falls on today, without rolling or estimating", () => {
    const result = upcomingDates(
      terms({ expirationDate: "2026-12-05", autoRenews: true, renewalTerm: "P1Y" }),
      "2026-12-05",
    );
    expect(result.expiration).toEqual({ date: "2026-12-05", estimated: false });
  });

  it("rolls one day past today into the next cycle", () => {
    const result = upcomingDates(
      terms({ expirationDate: "2025-12-04", autoRenews: true, renewalTerm: "P1Y" }),
      "2026-12-05",
    );
    expect(result.expiration).toEqual({ date: "2027-12-04", estimated: true });
  });

  it("counts monthly cycles from the stated end so a month end stays a month end", () => {
    // Stepping one month at a time would give Feb 28 → Mar 28; counting from Jan 31 gives Mar 31.
    const result = upcomingDates(
      terms({ expirationDate: "2027-01-31", autoRenews: true, renewalTerm: "P1M" }),
      "2027-03-01",
    );
    expect(result.expiration?.date).toBe("2027-03-31");
    const feb = upcomingDates(
      terms({ expirationDate: "2028-01-31", autoRenews: true, renewalTerm: "P1M" }),
      "2028-02-01",
    );
    expect(feb.expiration?.date).toBe("2028-02-29");
  });

  it("rolls a Feb 29 end to Feb 28 in common years and back to Feb 29 in leap years", () => {
    const renew = { expirationDate: "2024-02-29", autoRenews: true, renewalTerm: "P1Y" };
    expect(upcomingDates(terms(renew), "2025-01-01").expiration?.date).toBe("2025-02-28");
    expect(upcomingDates(terms(renew), "2027-03-01").expiration?.date).toBe("2028-02-29");
  });

  it("does not roll a contract that does not renew, or whose renewal is not automatic", () => {
    for (const autoRenews of [false, null]) {
      const result = upcomingDates(
        terms({
          expirationDate: "2020-01-01",
          autoRenews,
          renewalTerm: "P1Y",
          noticePeriod: "P30D",
        }),
        "2026-12-05",
      );
      expect(result.expiration).toEqual({ date: "2020-01-01", estimated: false });
      expect(result.noticeDeadline).toEqual({ date: "2019-12-02", estimated: false });
    }
  });

  it("keeps the stated end of an auto-renewing contract whose renewal term is unknown", () => {
    const result = upcomingDates(
      terms({ expirationDate: "2020-01-01", autoRenews: true, renewalTerm: null }),
      "2026-12-05",
    );
    expect(result.expiration).toEqual({ date: "2020-01-01", estimated: false });
  });

  it("marks both dates estimated when the expiration was computed", () => {
    const result = upcomingDates(
      terms({ expirationEstimated: true, noticePeriod: "P1M" }),
      "2027-01-01",
    );
    expect(result.expiration?.estimated).toBe(true);
    expect(result.noticeDeadline?.estimated).toBe(true);
  });

  it("has no dates for a perpetual contract or one without an expiration", () => {
    const none = { noticeDeadline: null, expiration: null };
    expect(upcomingDates(terms({ perpetual: true, noticePeriod: "P30D" }), "2027-01-01")).toEqual(
      none,
    );
    expect(
      upcomingDates(terms({ expirationDate: null, noticePeriod: "P30D" }), "2027-01-01"),
    ).toEqual(none);
  });

  it("has no notice deadline without a usable notice period", () => {
    for (const noticePeriod of [null, "", "PT24H", "P0D", "30 days", "P"]) {
      const result = upcomingDates(terms({ noticePeriod }), "2027-01-01");
      expect(result.noticeDeadline, String(noticePeriod)).toBeNull();
      expect(result.expiration?.date).toBe("2027-06-30");
    }
  });

  it("ignores malformed dates and renewal terms", () => {
    expect(
      upcomingDates(terms({ expirationDate: "2027-02-30" }), "2027-01-01").expiration,
    ).toBeNull();
    expect(upcomingDates(terms({}), "not a day").expiration).toBeNull();
    const badCycle = upcomingDates(
      terms({ expirationDate: "2020-01-01", autoRenews: true, renewalTerm: "PT1H" }),
      "2026-12-05",
    );
    expect(badCycle.expiration).toEqual({ date: "2020-01-01", estimated: false });
  });

  it("rolls daily renewals over years without giving up", () => {
    const result = upcomingDates(
      terms({ expirationDate: "2000-01-01", autoRenews: true, renewalTerm: "P1D" }),
      "2026-12-05",
    );
    expect(result.expiration).toEqual({ date: "2026-12-05", estimated: true });
  });
});
