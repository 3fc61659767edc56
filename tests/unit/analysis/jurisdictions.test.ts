import { describe, expect, it } from "vitest";
import { lookupJurisdiction, readLeadingJurisdiction } from "@/lib/analysis/parse/jurisdictions";

describe("jurisdictions", () => {
  it.each([
    ["the State of New York, without regard", "New York"],
    ["the Commonwealth of Massachusetts (without", "Massachusetts"],
    ["the Province of Ontario.", "Ontario, Canada"],
    ["British Columbia and the federal laws", "British Columbia, Canada"],
    ["PRC.", "People's Republic of China"],
    ["the Netherlands.", "Netherlands"],
    ["England and Wales", "England and Wales"],
    ["the State of New\nYork, without regard", "New York"],
    ["the Republic of the Marshall Islands.", "Marshall Islands"],
    ["the Hong Kong Special Administrative Region.", "Hong Kong"],
    ["the Kingdom of Saudi Arabia", "Saudi Arabia"],
  ])("reads %s", (text, name) => {
    expect(readLeadingJurisdiction(text)?.name).toBe(name);
  });

  it("does not read a jurisdiction from other text", () => {
    expect(readLeadingJurisdiction("the jurisdiction in which it is incorporated")).toBeNull();
  });

  it("maps adjectives to countries", () => {
    expect(lookupJurisdiction("Italian")?.name).toBe("Italy");
    expect(lookupJurisdiction("Scottish")?.name).toBe("Scotland");
  });
});
