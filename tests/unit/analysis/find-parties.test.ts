import { describe, expect, it } from "vitest";
import { findParties } from "@/lib/analysis/extract/find-parties";
import { findPreambleCandidates } from "@/lib/analysis/extract/find-preamble";
import { scanText } from "./scan-text";

function partiesOf(text: string): string[] {
  const ctx = scanText(text);
  return findParties(ctx, findPreambleCandidates(ctx)).parties.map((p) => p.value ?? "");
}

describe("findParties", () => {
  it("names every party a collective defined term gathers", () => {
    expect(
      partiesOf(
        'This Cooperation Agreement ("Agreement") is entered into as of June 18, 2020, by and between Spok Holdings, Inc., a Delaware corporation (the "Company"), and White Hat Strategic Partners LP, a Delaware limited partnership, White Hat SP GP LLC, a Delaware limited liability company, and White Hat Capital Partners LP, a Delaware limited partnership (collectively, the "White Hat Parties").',
      ),
    ).toEqual([
      "Spok Holdings, Inc.",
      "White Hat Strategic Partners LP",
      "White Hat SP GP LLC",
      "White Hat Capital Partners LP",
    ]);
  });

  it("does not add a company that a later sentence mentions about a party", () => {
    expect(
      partiesOf(
        'This agreement is made this 10th day of January, 2018 by and between Bravatek Solutions, Inc., a Colorado corporation ("Bravatek"), and Fazync LLC, a Colorado limited liability company ("Fazync"). Fazync is a wholly owned subsidiary of Intelligent Highway Solutions, Inc., ("IHSI"), a Nevada corporation.\n\nWhereas, Bravatek is a corporation.',
      ),
    ).toEqual(["Bravatek Solutions, Inc.", "Fazync LLC"]);
  });

  it("reads brand names that start in lowercase", () => {
    expect(
      partiesOf(
        'This WEB SITE HOSTING AGREEMENT ("this Agreement") is entered into this 6th day of April, 1999 by and between Centrack International, a Florida corporation ("the Customer"), and i-on interactive, a Florida corporation ("i-on").',
      ),
    ).toEqual(["Centrack International", "i-on interactive"]);
  });

  it("reads an unquoted 'hereinafter referred to as' alias", () => {
    expect(
      partiesOf(
        "This agreement is made and entered into by and between Pretzel Time, Inc., a Pennsylvania corporation with its principal place of business in Harrisburg (hereinafter referred to as Pretzel Time) and the franchisee named below.\n\nNOW THEREFORE, the parties agree as follows:",
      ),
    ).toEqual(["Pretzel Time, Inc."]);
  });
});
