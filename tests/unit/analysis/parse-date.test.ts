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
    ["Date 13/07/05", "2005-07-13"],
    ["made on the 15th of March, 2004", "2004-03-15"],
    ["on 2020-06-18.", "2020-06-18"],
    ["THIS AGREEMENT IS MADE ON THE 19 DAY OF MAY , 2010", "2010-05-19"],
    ["made on this 12th day of May 2003 by", "2003-05-12"],
    ["the first day of March, two thousand three, by", "2003-03-01"],
    ["this twenty-first day of June, nineteen hundred and ninety-nine", "1999-06-21"],
    ["the thirtieth day of April in the year two thousand and ten", "2010-04-30"],
    ["this second day of January, 2001", "2001-01-02"],
  ])("reads %s", (text, iso) => {
    expect(findDates(text).map((d) => d.iso)).toEqual([iso]);
  });

  it("rejects impossible dates and placeholders", () => {
    expect(findDates("February 30, 2020 and [ ] day of [ ], 2020")).toEqual([]);
  });

  it("ends a spelled-out date at its last year word", () => {
    const text = "the first day of March, two thousand three by and between";
    const [date] = findDates(text);
    expect(date && text.slice(date.start, date.end)).toBe("first day of March, two thousand three");
  });

  it("gives offsets of the matched text", () => {
    const text = "dated March 30, 2011 by";
    const [date] = findDates(text);
    expect(date && text.slice(date.start, date.end)).toBe("March 30, 2011");
  });

  it("reads a letter-spaced date line, with offsets into the text", () => {
    const text =
      'This Endorsement Agreement ("Agreement") is made this 14th d a y o f M a r c h , 2 0 1 6 ("Effective Date")';
    const [date] = findDates(text);
    expect(date?.iso).toBe("2016-03-14");
    expect(date?.raw).toBe("14th d a y o f M a r c h , 2 0 1 6");
    expect(findDates("on J u n e 1 s t , 2 0 1 9 at")[0]?.iso).toBe("2019-06-01");
    // A spaced word that merely starts like a month is no date.
    expect(findDates("the M a y o r of 12 2 0 1 9")).toEqual([]);
  });

  it("formats ISO dates for people", () => {
    expect(formatIsoDate("2020-02-04")).toBe("February 4, 2020");
  });
});
