import { describe, expect, it } from "vitest";
import { findTerm } from "@/lib/analysis/extract/find-term";
import { scanText } from "./scan-text";

// The answer the eval reads: the end date, else "perpetual", else nothing.
function expiration(text: string, startDate: string | null = "2008-03-01"): string | null {
  const term = findTerm(scanText(text), startDate);
  return term.expirationDate.value ?? term.perpetual.value;
}

describe("findTerm: agreements that run until ended", () => {
  it.each([
    "This Agreement shall be effective until terminated by either party.",
    "This Agreement shall be in full force and effect until terminated in accordance with Section 12.",
    "This Agreement shall remain in effect until cancelled by either party upon thirty (30) days' written notice.",
    "This Agreement is effective as of the Effective Date and shall remain in force until cancelled in writing.",
    "The term of this Agreement shall commence on the Effective Date and continue until terminated by either party on ninety (90) days' notice.",
  ])("reads %s as perpetual", (text) => {
    expect(expiration(text)).toBe("perpetual");
  });

  it.each([
    // A grant or a right as the subject: the agreement's own term is not stated.
    "Subject to the terms of this Agreement, the license granted herein shall remain in effect until terminated.",
    "Under this Agreement, Distributor's rights shall continue until terminated by Company.",
    // CUAD leaves a joint filing agreement that runs until a party revokes it without a term.
    "This agreement shall remain in full force and effect until revoked by any party hereto in a signed writing provided to each other party hereto.",
  ])("does not read %s as perpetual", (text) => {
    expect(expiration(text)).toBeNull();
  });

  it("does not read a default clause that ends the agreement after a cure period as perpetual", () => {
    const text =
      "If you do not cure the default within the specified time, this Agreement will terminate automatically and without further notice, effective immediately upon the expiration of the specified time period.";
    expect(expiration(text)).toBeNull();
  });

  it("does not read an agreement ended by a conditioned event as perpetual", () => {
    const text =
      "In the event that the Offering is abandoned, this Agreement shall terminate upon the completion of the wind-down.";
    expect(expiration(text)).toBeNull();
  });

  it("still reads an agreement that ends on an event as perpetual", () => {
    const text =
      "This Agreement shall remain in effect until the expiration of the last Royalty Term.";
    expect(expiration(text)).toBe("perpetual");
  });

  it("does not call an agreement with a stated length perpetual when its start is unknown", () => {
    const text =
      "This Agreement expires ten (10) years from the Agreement Date (the “Term”), unless it is terminated sooner.\n\nIf you do not cure the default, this Agreement shall continue in effect until terminated by us.";
    const term = findTerm(scanText(text), null);
    expect(term.initialTerm.value).toBe("P10Y");
    expect(term.expirationDate.value).toBeNull();
    expect(term.perpetual.value).toBeNull();
  });
});

describe("findTerm: fixed end dates", () => {
  it.each([
    "This Agreement shall commence on January 1, 2008 and shall conclude on December 31, 2010.",
    "This Agreement shall remain valid till December 31, 2010.",
    "This Agreement shall expire at 11:59 p.m. on December 31, 2010.",
    "The term of this Agreement shall run from January 1, 2008 up to and including December 31, 2010.",
    "This Agreement shall be effective for the period beginning January 1, 2008 and ending December 31, 2010.",
    "This Agreement shall terminate at midnight on December 31, 2010 unless renewed.",
  ])("reads the end of %s", (text) => {
    expect(expiration(text)).toBe("2010-12-31");
  });
});

describe("findTerm: a length run on to the end of a calendar period", () => {
  it.each([
    [
      "This Agreement shall continue until December 31 of the year in which the fifth anniversary of the Effective Date occurs.",
      "2013-12-31",
    ],
    [
      "This Agreement shall expire on the last day of the calendar month in which the fifth anniversary of the Effective Date occurs.",
      "2013-03-31",
    ],
    [
      "The term of this Agreement shall be five (5) years from the Effective Date and shall end at the end of the calendar quarter in which such fifth anniversary falls.",
      "2013-03-31",
    ],
    [
      "The term of this Agreement shall commence on the Effective Date and end on December 31 of the fifth calendar year following the Effective Date.",
      "2013-12-31",
    ],
    [
      "This Agreement shall expire at the end of the third (3rd) full calendar year following the Effective Date.",
      "2011-12-31",
    ],
  ])("reads %s", (text, end) => {
    expect(expiration(text)).toBe(end);
  });

  it("counts an anniversary to the day when no period's end is named", () => {
    expect(
      expiration("This Agreement shall expire on the fifth anniversary of the Effective Date."),
    ).toBe("2013-03-01");
  });
});

describe("findTerm: the agreement as subject", () => {
  it("reads a term that terminates a length after the effective date", () => {
    expect(
      expiration("The Agreement shall terminate five (5) years after the Effective Date."),
    ).toBe("2013-03-01");
  });

  it("does not read a term that terminates a length after a closing", () => {
    expect(
      expiration("The Agreement shall terminate twelve (12) months after the Closing Date."),
    ).toBeNull();
  });
});

describe("findTerm: covenants measured alongside the term", () => {
  it.each([
    "During the term of this Agreement and until December 31, 2015, neither party shall solicit employees of the other.",
    "During the Term and for a period of two (2) years following the Effective Date, Licensee shall not develop a competing product.",
  ])("does not read %s as the term", (text) => {
    const term = findTerm(scanText(text), "2008-03-01");
    expect(term.expirationDate.value).toBeNull();
    expect(term.initialTerm.value).toBeNull();
  });
});

describe("findTerm: present tense and bare spans", () => {
  it.each([
    ["This Agreement expires on 06/30/2012.", "2012-06-30"],
    ["The term of this Agreement is July 1, 2010 to June 30, 2012.", "2012-06-30"],
    ["This Agreement expires three (3) years after the Effective Date.", "2011-03-01"],
  ])("reads %s", (text, end) => {
    expect(expiration(text)).toBe(end);
  });

  it.each([
    "If this Agreement terminates before December 31, 2010, Licensee shall pay the balance.",
    "Unless this Agreement expires on its own terms, the Supplier shall hold stock until June 30, 2012.",
  ])("does not read the condition %s as the term", (text) => {
    expect(expiration(text)).toBeNull();
  });
});

describe("findTerm: several periods in one term sentence", () => {
  it("skips a length whose clause has another named period as its subject", () => {
    const text =
      "The exclusivity period shall be for a period of six (6) months from the Effective Date, and the term of this Agreement shall be for a period of three (3) years.";
    const term = findTerm(scanText(text), "2008-03-01");
    expect(term.initialTerm.value).toBe("P3Y");
    expect(term.expirationDate.value).toBe("2011-03-01");
  });

  it("keeps a length said of the agreement's initial period", () => {
    const text =
      "This Agreement shall remain in force for an initial period of two (2) years from the Effective Date.";
    expect(expiration(text)).toBe("2010-03-01");
  });

  it("counts the remaining term from the named date it commences on", () => {
    const text =
      "The set-up period shall be for two (2) months, and the remaining term of this Agreement shall be for a period of twelve (12) months to commence on the scheduled launch date of June 1, 2008, unless terminated earlier.";
    expect(expiration(text)).toBe("2009-06-01");
  });
});

describe("findTerm: the term of something else", () => {
  it.each([
    "The term of the license granted under Section 2.1 shall be five (5) years from the First Commercial Sale.",
    "The term of each Statement of Work shall be one (1) year.",
    "The term of the Loan shall be three (3) years.",
    "The term of the Exclusivity Period shall be two (2) years from the Effective Date.",
    "The Lease term shall be 5 years.",
    "The Services shall commence on the Effective Date and continue for twelve (12) months.",
    "The Trademark License shall commence on the Effective Date and continue for ten (10) years.",
    "Payments shall commence on the Effective Date and continue for thirty-six (36) months.",
  ])("does not read %s as the agreement's term", (text) => {
    const term = findTerm(scanText(text), "2008-03-01");
    expect(term.initialTerm.value).toBeNull();
    expect(term.expirationDate.value).toBeNull();
  });

  it.each([
    ["The term of the Agreement shall be three (3) years.", "2011-03-01"],
    ["The term of the Distribution Agreement shall be three (3) years.", "2011-03-01"],
    [
      "The Initial Term shall commence on the Effective Date and continue for three (3) years.",
      "2011-03-01",
    ],
  ])("still reads %s", (text, end) => {
    expect(expiration(text)).toBe(end);
  });
});

describe("findTerm: an end that belongs to another subject in the same sentence", () => {
  it.each([
    "This Agreement shall commence on March 1, 2008 and Distributor shall purchase minimum quantities until December 31, 2009.",
    "This Agreement shall commence on the Effective Date; provided that the Minimum Purchase obligations shall end on December 31, 2009.",
    "This Agreement shall become effective on the Effective Date, and Licensee may not terminate it for convenience until the third anniversary of the Effective Date.",
  ])("does not read %s as the term's end", (text) => {
    expect(expiration(text)).toBeNull();
  });

  it.each([
    [
      "This Agreement shall become effective on the date and year first above written and shall continue for an initial period of three (3) years.",
      "2011-03-01",
    ],
    [
      "This Agreement shall commence on March 1, 2008, and the Term shall end on December 31, 2009.",
      "2009-12-31",
    ],
  ])("keeps the agreement or its term as the subject: %s", (text, end) => {
    expect(expiration(text)).toBe(end);
  });
});

describe("findTerm: open-ended wording said of a part of the agreement or under a condition", () => {
  it.each([
    "The confidentiality obligations of this Agreement shall continue in perpetuity.",
    "The obligations under this Agreement shall remain in effect indefinitely.",
    "The indemnities in this Agreement shall continue until the expiration of the applicable statute of limitations.",
    "If Distributor fails to meet the minimum, this Agreement shall continue on a non-exclusive basis until terminated.",
    "Following expiration, the warranty provisions of this Agreement shall continue until terminated by Company.",
  ])("does not read %s as perpetual", (text) => {
    expect(expiration(text)).toBeNull();
  });

  it.each([
    "The provisions of this Agreement shall not be terminable or revocable for any reason.",
    "Unless earlier terminated in accordance with this paragraph 8, this Agreement shall continue indefinitely.",
  ])("still reads %s as perpetual", (text) => {
    expect(expiration(text)).toBe("perpetual");
  });
});

describe("findTerm: the day a length counts from", () => {
  it("counts from the agreement's own date when the term sentence says so", () => {
    const term = findTerm(
      scanText("This Agreement shall continue for five (5) years from the date hereof."),
      "2008-06-01",
      "2008-03-01",
    );
    expect(term.expirationDate.value).toBe("2013-03-01");
  });

  it("counts from the effective date when the term sentence names it", () => {
    const term = findTerm(
      scanText(
        "This Agreement, dated as of the date first above written, shall continue for five (5) years from the Effective Date.",
      ),
      "2008-06-01",
      "2008-03-01",
    );
    expect(term.expirationDate.value).toBe("2013-06-01");
  });
});

describe("findTerm: open-ended terms with a notice period", () => {
  it.each([
    "This Agreement shall commence on the Effective Date and shall continue in effect unless terminated by either party upon sixty (60) days prior written notice.",
    "This Agreement shall remain in full force and effect unless terminated by either party on three (3) months' written notice to the other.",
    "Unless terminated earlier by either party on thirty (30) days' notice, this Agreement shall continue in effect.",
  ])("reads %s as perpetual", (text) => {
    expect(expiration(text)).toBe("perpetual");
  });

  it("keeps a stated length beside the notice period", () => {
    const text =
      "This Agreement shall continue in effect for one (1) year unless terminated by either party upon sixty (60) days prior written notice.";
    expect(expiration(text)).toBe("2009-03-01");
  });
});

describe("findTerm: appointments and 'is effective'", () => {
  it.each([
    "Company hereby engages Consultant for a term of three (3) years commencing on the Effective Date.",
    "Company hereby appoints Distributor as its exclusive distributor for a period of three (3) years from the Effective Date.",
  ])("reads %s", (text) => {
    expect(expiration(text)).toBe("2011-03-01");
  });

  it("reads an agreement effective through a date", () => {
    expect(
      expiration("This Agreement is effective from the Effective Date through December 31, 2010."),
    ).toBe("2010-12-31");
  });

  it("does not read the past end of a prior agreement", () => {
    expect(
      expiration(
        "This Agreement is effective as of March 1, 2008 and replaces the prior agreement which terminated on February 28, 2008.",
      ),
    ).toBeNull();
  });
});

describe("findTerm: offices held for a term", () => {
  it("does not read a director's term of office as the agreement's", () => {
    const term = findTerm(
      scanText(
        "Directors shall be appointed for a term of four (4) years, provided that the Party who has appointed a director may remove that director at any time.",
      ),
      "2002-11-08",
    );
    expect(term.initialTerm.value).toBeNull();
    expect(term.expirationDate.value).toBeNull();
  });

  it("still reads a distributor appointed for a period", () => {
    expect(
      expiration(
        "Distributor is hereby appointed as exclusive distributor for a period of three (3) years from the Effective Date.",
      ),
    ).toBe("2011-03-01");
  });
});

describe("findTerm: a filing stamp inside the term sentence", () => {
  it("reads the end date across a page's filing stamp", () => {
    const text =
      "This Agreement shall be effective as of the Effective Date and shall continue in effect through 12Source: ACME CORP, 8-K, 8/22/2018 December 31, 2021, unless terminated earlier.";
    expect(expiration(text, "2018-01-01")).toBe("2021-12-31");
  });

  it("does not take the filing stamp's date for the end", () => {
    const text = "This Agreement shall continue until 4Source: ACME CORP, 10-Q, 11/8/2018";
    expect(expiration(text, "2018-01-01")).toBeNull();
  });
});

describe("findTerm: a term counted in days", () => {
  it("reads a term of half a year or more stated in days", () => {
    const text =
      "This Agreement shall remain in effect for a period of three hundred sixty-five (365) days from the Effective Date.";
    expect(expiration(text)).toBe("2009-03-01");
  });

  it.each([
    "This Agreement shall continue for a period of ninety (90) days after termination for the sale of inventory.",
    "This Agreement shall remain in effect for thirty (30) days.",
  ])("does not read a short or post-term count of days as the term: %s", (text) => {
    const term = findTerm(scanText(text), "2008-03-01");
    expect(term.initialTerm.value).toBeNull();
  });
});

describe("findTerm: the agreement named inside a condition", () => {
  it.each([
    "For so long as this Agreement is in force, Distributor shall not sell competing products for two (2) years following the Effective Date.",
    "While this Agreement is in effect, and for a period of one (1) year from the Effective Date, Supplier shall not raise prices.",
  ])("does not read %s as the term", (text) => {
    const term = findTerm(scanText(text), "2008-03-01");
    expect(term.initialTerm.value).toBeNull();
  });

  it("reads the agreement in force for a length", () => {
    expect(
      expiration("This Agreement is in force for three (3) years from the Effective Date."),
    ).toBe("2011-03-01");
  });
});

describe("findTerm: other verbs of duration", () => {
  it.each([
    ["This Agreement shall stay in effect until June 30, 2012.", "2012-06-30"],
    ["This Agreement shall be binding until June 30, 2012.", "2012-06-30"],
    ["The Agreement will remain in place until June 30, 2012.", "2012-06-30"],
    ["The Agreement will remain in place for three (3) years.", "2011-03-01"],
    ["This Agreement shall stay in force for three (3) years.", "2011-03-01"],
    ["This Agreement shall stay in effect until terminated.", "perpetual"],
  ])("reads %s", (text, end) => {
    expect(expiration(text)).toBe(end);
  });
});

describe("findTerm: the Nth full calendar month", () => {
  it("runs a count of calendar months on to the month's end", () => {
    const text =
      "The Initial Term shall expire on the last day of the twelfth (12th) full calendar month following the Effective Date.";
    expect(expiration(text, "2008-03-15")).toBe("2009-03-31");
  });

  it("counts the end of the Nth month of the term to the day", () => {
    const text =
      "This Agreement shall expire at the end of the twelfth month following the Effective Date.";
    expect(expiration(text, "2008-03-15")).toBe("2009-03-15");
  });
});

describe("findTerm: how a computed end is shown", () => {
  it("says when the count was run on to a period's end", () => {
    const term = findTerm(
      scanText(
        "This Agreement shall continue until December 31 of the year in which the fifth anniversary of the Effective Date occurs.",
      ),
      "2008-03-01",
    );
    expect(term.expirationDate.display).toContain("to the end of that period");
  });
});
