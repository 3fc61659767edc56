import { describe, expect, it } from "vitest";
import { findDates, formatIsoDate } from "@/lib/analysis/parse/parse-date";

describe("findDates", () => {
  it.each([
    ["as of December 16, 2004,", "2004-12-16"],
    ["DATED AS OF FEBRUARY 4, 2020", "2020-02-04"],
    ["this 20th day of March, 2018", "2018-03-20"],
    ["made this 1s t day of October 2008", "2008-10-01"],
    ["entered into on April. 1st 2019", "2019-04-01"],
    ["effective as of _Dec. 8, 2005 (hereinafter", "2005-12-08"],
    ["signed 3/22/18 by", "2018-03-22"],
    ["on 2020-06-18.", "2020-06-18"],
  ])("reads %s", (text, iso) => {
    expect(findDates(text).map((d) => d.iso)).toEqual([iso]);
  });

  it("rejects impossible dates and placeholders", () => {
    expect(findDates("February 30, 2020 and [ ] day of [ ], 2020")).toEqual([]);
  });

  it("gives offsets of the matched text", () => {
    const text = "dated March 30, 2011 by";
    const [date] = findDates(text);
    expect(date && text.slice(date.start, date.end)).toBe("March 30, 2011");
  });

  it("formats ISO dates for people", () => {
    expect(formatIsoDate("2020-02-04")).toBe("February 4, 2020");
  });
});
