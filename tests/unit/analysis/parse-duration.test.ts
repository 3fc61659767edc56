import { describe, expect, it } from "vitest";
import { addDuration, describeDuration, findDurations } from "@/lib/analysis/parse/parse-duration";

describe("findDurations", () => {
  it.each([
    ["for a period of five (5) years", "P5Y"],
    ["successive one-year periods", "P1Y"],
    ["at least ninety (90) calendar days prior", "P90D"],
    ["one hundred eighty (180) days", "P180D"],
    ["twenty-four (24) months", "P24M"],
    ["an additional 12 months", "P12M"],
    ["a ninety day period", "P90D"],
    ["a year", "P1Y"],
  ])("reads %s", (text, iso) => {
    expect(findDurations(text)[0]?.iso).toBe(iso);
  });

  it("prefers the digits in parentheses when words and digits disagree", () => {
    expect(findDurations("thirty (60) days")[0]?.iso).toBe("P60D");
  });

  it("describes and adds durations", () => {
    expect(describeDuration("P1Y")).toBe("1 year");
    expect(describeDuration("P90D")).toBe("90 days");
    expect(addDuration("2010-03-18", "P5Y")).toBe("2015-03-18");
    // On the calendar: month ends clamp and leap days exist (Date overflow gave 2019-03-03).
    expect(addDuration("2019-01-31", "P1M")).toBe("2019-02-28");
    expect(addDuration("2020-01-31", "P1M")).toBe("2020-02-29");
    expect(addDuration("2020-02-29", "P1Y")).toBe("2021-02-28");
    expect(addDuration("2020-01-31", "P1Y6M")).toBe("2021-07-31");
    expect(addDuration("not a date", "P1Y")).toBeNull();
  });
});
