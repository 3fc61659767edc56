import { describe, expect, it } from "vitest";
import { findAnniversary } from "@/lib/analysis/parse/parse-anniversary";

describe("findAnniversary", () => {
  it.each([
    ["expire on the fifth (5th) anniversary of the Effective Date", "P5Y"],
    ["end on the second anniversary of the date hereof", "P2Y"],
    ["until the 3rd anniversary of the Commencement Date", "P3Y"],
    ["through the twenty-fifth anniversary of the Effective Date", "P25Y"],
    ["extend until the four (4) year anniversary of the Effective Date", "P4Y"],
    ["continue until the four-year anniversary of the Effective Date", "P4Y"],
    ["end on the last day of the twenty-fourth month after the Effective Date", "P24M"],
    ["expire at the end of the thirty-sixth month following the Effective Date", "P36M"],
    ["continue until the fifteenth anniversary of the Effective Date", "P15Y"],
  ])("reads %s", (text, iso) => {
    expect(findAnniversary(text)?.iso).toBe(iso);
  });

  it("ignores anniversaries of other events", () => {
    expect(findAnniversary("on the first anniversary of the First Commercial Sale")).toBeNull();
    expect(findAnniversary("until the end of the second year of the Royalty Term")).toBeNull();
  });
});
