import { describe, expect, it } from "vitest";
import { findTerm } from "@/lib/analysis/extract/find-term";
import { scanText } from "./scan-text";

describe("findTerm", () => {
  it("counts a term from the effective date", () => {
    const term = findTerm(
      scanText(
        'The term of this Agreement shall commence on the Effective Date and continue for a period of 1 year after the Effective Date, unless earlier terminated (the "TERM").',
      ),
      "2004-03-19",
    );
    expect(term.initialTerm.value).toBe("P1Y");
    expect(term.expirationDate.value).toBe("2005-03-19");
  });

  it("does not take a period after the term for the term", () => {
    const term = findTerm(
      scanText(
        "Each party agrees that, during the Term of this Agreement and for a period of five (5) years thereafter, neither will disparage the other.",
      ),
      "2004-03-19",
    );
    expect(term.initialTerm.value).toBeNull();
    expect(term.expirationDate.value).toBeNull();
  });

  it("reads an agreement that runs until terminated as perpetual", () => {
    const term = findTerm(
      scanText(
        "This Agreement shall become effective as of the day and year first above written and shall govern the relations between the parties hereto thereafter, unless terminated as set forth in this Section 6.",
      ),
      null,
    );
    expect(term.perpetual.value).toBe("perpetual");
  });

  it("reads a term stated to be in perpetuity, even alongside licences", () => {
    const term = findTerm(
      scanText(
        "The term of this Agreement and the licenses under this Agreement shall (i) with respect to the Marks, be for the term set forth in Section 6.6, and (ii) with respect to Patents, be in perpetuity. (b) Either Party may terminate this Agreement upon thirty (30) days notice.",
      ),
      null,
    );
    expect(term.perpetual.value).toBe("perpetual");
  });

  it.each([
    "The term of this Agreement shall commence on the Effective Date and shall end on the 60th day following a written notice from one party to the other of its decision to terminate this Agreement at the end of such 60-day period.",
    "This Agreement shall continue in full force and effect until either party gives the other written notice of termination.",
    "This Agreement shall not expire and shall remain in effect until terminated under Section 9.",
    "The Agreement has no expiration date.",
  ])("reads a term that runs until one party's notice ends it as perpetual: %s", (text) => {
    const term = findTerm(scanText(text), "2018-12-05");
    expect(term.perpetual.value).toBe("perpetual");
    expect(term.expirationDate.value).toBeNull();
  });

  it("does not read a renewal term's length as the term", () => {
    const term = findTerm(scanText("The Renewal Term shall be two (2) years."), "2000-01-15");
    expect(term.initialTerm.value).toBeNull();
  });

  it("does not read a right to terminate on notice for breach as a perpetual term", () => {
    const term = findTerm(
      scanText(
        "This Agreement shall terminate upon written notice by the non-breaching party if the other party fails to cure a material breach.",
      ),
      null,
    );
    expect(term.perpetual.value).toBeNull();
  });

  it.each([
    ["This Agreement is entered into for a period of three (3) years.", "P3Y", "2003-01-15"],
    ["This Agreement shall be binding for a period of two years.", "P2Y", "2002-01-15"],
    ["The Agreement is concluded for a term of five years.", "P5Y", "2005-01-15"],
    [
      "This License Agreement shall have a term of five years from the Effective Date.",
      "P5Y",
      "2005-01-15",
    ],
    [
      "The Agreement shall remain in effect for a period of five (5) years after the date of signature by the last party.",
      "P5Y",
      "2005-01-15",
    ],
    ["The Agreement will terminate on December 31, 2007 unless extended.", null, "2007-12-31"],
    ["Agreement Term: 24 months", "P24M", "2002-01-15"],
    ["Term of Agreement: Two (2) years from the Effective Date", "P2Y", "2002-01-15"],
    [
      "The Sponsorship Term shall begin on the Effective Date and end on December 31, 2001.",
      null,
      "2001-12-31",
    ],
    [
      "Distributor is hereby appointed for a period of five (5) years from the Effective Date.",
      "P5Y",
      "2005-01-15",
    ],
  ])("reads the term in %s", (text, length, end) => {
    const term = findTerm(scanText(text), "2000-01-15");
    expect(term.initialTerm.value).toBe(length);
    expect(term.expirationDate.value).toBe(end);
  });

  it("does not call a fixed term perpetual", () => {
    const term = findTerm(
      scanText(
        "This Agreement shall continue in full force and effect for a period of five (5) years, unless terminated earlier.",
      ),
      null,
    );
    expect(term.perpetual.value).toBeNull();
    expect(term.initialTerm.value).toBe("P5Y");
  });
});

describe("findTerm with anniversaries", () => {
  it("reads a term that ends on an anniversary of the start", () => {
    const term = findTerm(
      scanText(
        "This Agreement shall commence on the Effective Date and shall expire on the fifth (5th) anniversary of the Effective Date.",
      ),
      "2021-03-03",
    );
    expect(term.initialTerm.value).toBe("P5Y");
    expect(term.expirationDate.value).toBe("2026-03-03");
  });

  it("does not read a payment window as the term", () => {
    const term = findTerm(
      scanText("Royalties shall be payable until the first anniversary of the Effective Date."),
      "2021-03-03",
    );
    expect(term.initialTerm.value).toBeNull();
  });
});

describe("findTerm wording", () => {
  const read = (text: string) => {
    const t = findTerm(scanText(text), "2021-03-03");
    return { term: t.initialTerm.value, end: t.expirationDate.value };
  };

  it.each([
    ["Term: 12 months from the Effective Date.", "P12M", "2022-03-03"],
    ["The Agreement shall run for 3 years from the Effective Date.", "P3Y", "2024-03-03"],
    ["This Agreement shall be in force for 5 years.", "P5Y", "2026-03-03"],
    [
      "The Agreement is for a period of one year, beginning on the Effective Date.",
      "P1Y",
      "2022-03-03",
    ],
    ["Duration. This Agreement has a duration of 4 years.", "P4Y", "2025-03-03"],
    [
      "This Agreement shall commence on the Effective Date and end on the date which is thirty-six (36) months thereafter.",
      "P36M",
      "2024-03-03",
    ],
  ])("reads %s", (text, term, end) => {
    expect(read(text)).toEqual({ term, end });
  });

  it("reads the end of a from … to … period", () => {
    expect(
      read("This Agreement will be in effect from March 1, 2021 to February 28, 2026.").end,
    ).toBe("2026-02-28");
  });

  it("ignores amendment boilerplate about the agreement remaining in force", () => {
    expect(
      read(
        "All other terms and conditions of the Agreement shall remain in full force and effect through September 30, 1998.",
      ),
    ).toEqual({ term: null, end: null });
  });
});

describe("findTerm open-ended wording", () => {
  it.each([
    "Unless terminated as provided herein, this Agreement shall continue in full force and effect.",
    "This Agreement has no fixed term.",
  ])("reads %s as perpetual", (text) => {
    expect(findTerm(scanText(text), null).perpetual.value).toBe("perpetual");
  });

  it.each([
    "The term of this Agreement will commence on the date that the Registration Form is approved and will end when terminated by either party.",
    'This Agreement shall become effective on the Effective Date and, unless earlier terminated, shall remain in effect until the expiration of the Royalty Term applicable to such Product (the "Term").',
    "Notwithstanding any provisions of this Agreement to the contrary, this Agreement shall terminate upon the Trust's payment to the Company of the sum of the premiums paid.",
    "This Agreement commences on the date it is executed and shall continue until full performance by both parties, or until earlier terminated by one party.",
    "Unless earlier terminated, upon the expiration of the Support Period in accordance with Section 4, this Agreement shall immediately and automatically terminate in its entirety.",
    "The provisions of this Agreement, including the license rights provided in this Article III, shall not be terminable or revocable for any reason.",
    "This Agreement shall remain in effect for as long as any Licensed Patent remains in force.",
    "This Agreement is concluded for an unlimited period of time.",
    'This Agreement will be effective beginning on 12:01 a.m., Eastern Time, on the day after the date of last signature ("Effective Date") and ending on the expiration and/or termination of all Service Option Attachments.',
  ])("reads %s as perpetual (it ends on an event, not a date)", (text) => {
    expect(findTerm(scanText(text), null).perpetual.value).toBe("perpetual");
  });

  it.each([
    "This Agreement shall commence on the Effective Date and shall continue until the expiration of the Initial Term.",
    "Upon termination of this Agreement, this Agreement shall terminate all licenses.",
  ])("does not read the end of its own term as an event: %s", (text) => {
    expect(findTerm(scanText(text), null).perpetual.value).toBeNull();
  });

  it("does not read the perpetual duration of something else as the agreement's", () => {
    expect(
      findTerm(
        scanText("Although we intend the Fund to be of perpetual duration, we may end it."),
        null,
      ).perpetual.value,
    ).toBeNull();
  });

  it("keeps a fixed term that may end early", () => {
    const term = findTerm(
      scanText(
        "Unless terminated earlier, this Agreement shall continue for a period of three years.",
      ),
      null,
    );
    expect(term.perpetual.value).toBeNull();
    expect(term.initialTerm.value).toBe("P3Y");
  });
});

describe("findTerm counted from a start", () => {
  const read = (text: string, start: string | null = "2021-03-03") => {
    const t = findTerm(scanText(text), start);
    return { term: t.initialTerm.value, end: t.expirationDate.value };
  };

  it.each([
    [
      "This Agreement shall be effective as of the date first set forth above and, shall expire on the later of (i) five (5) years from the date hereof, or (ii) upon the completion of the Services.",
      "P5Y",
      "2026-03-03",
    ],
    [
      "The term of this Agreement shall commence on the Effective Date and terminate at the end of the Exclusivity Period (i.e., a three (3) year period commencing on the Effective Date).",
      "P3Y",
      "2024-03-03",
    ],
    // A term counted from an event the contract does not date: CUAD counts it from the start.
    [
      "The term of this Agreement shall continue for one (1) year following the Launch Date, unless earlier terminated as provided herein.",
      "P1Y",
      "2022-03-03",
    ],
    [
      'The initial term of this Agreement will begin on the Effective Date and end twelve (12) months after the Launch (the "Term").',
      "P12M",
      "2022-03-03",
    ],
    [
      'This Agreement shall become effective as of the Effective Date and, unless earlier terminated, shall extend until the four (4) year anniversary of the Effective Date (the "Term").',
      "P4Y",
      "2025-03-03",
    ],
    [
      "This Agreement shall become effective on the date on which it is signed and have a term of five (5) years commencing as of the effective date hereof.",
      "P5Y",
      "2026-03-03",
    ],
  ])("reads %s", (text, term, end) => {
    expect(read(text)).toEqual({ term, end });
  });

  it.each([
    [
      "This Agreement shall expire at the end of the fifth (5th) Contract Year.",
      "P5Y",
      "2026-03-03",
    ],
    [
      "This Agreement will be effective as of the Effective Date and will continue until the end of the third (3rd) year following the Effective Date.",
      "P3Y",
      "2024-03-03",
    ],
    [
      "This Agreement shall be effective from the Effective Date and shall continue in force for ten (10) years thereafter.",
      "P10Y",
      "2031-03-03",
    ],
  ])("reads %s", (text, term, end) => {
    expect(read(text)).toEqual({ term, end });
  });

  it.each([
    [
      "This Agreement shall be valid for a period of 5 (five) years from the date of signing.",
      "P5Y",
      "2026-03-03",
    ],
    [
      "The term of this Agreement shall commence on the Effective Date and end on the third anniversary thereof.",
      "P3Y",
      "2024-03-03",
    ],
    ["This agreement shall be valid for two years after it is signed.", "P2Y", "2023-03-03"],
    ["The Agreement shall continue for a period of 5 years.", "P5Y", "2026-03-03"],
    ["The duration of this Agreement is three (3) years.", "P3Y", "2024-03-03"],
    [
      "This Agreement shall expire on the last day of the thirty-sixth (36th) month following the Effective Date.",
      "P36M",
      "2024-03-03",
    ],
  ])("reads %s", (text, term, end) => {
    expect(read(text)).toEqual({ term, end });
  });

  it("counts the length from the start the term clause dates", () => {
    expect(
      read(
        "This Agreement shall come into force as of January 1, 2013 and remain valid for 1 year.",
      ),
    ).toEqual({ term: "P1Y", end: "2014-01-01" });
  });

  it("reads the stated end after a dated start", () => {
    expect(
      read(
        "All terms of this Agreement will automatically commence on November 1st, 2017, and expire on November 2nd, 2020.",
      ).end,
    ).toBe("2020-11-02");
  });

  it("reads the end of a from <named start> to <date> span", () => {
    expect(
      read(
        "“Term” means the earlier of: (a) the end of the two year period from the Effective Date to 31 July 2013; or (b) the last day of the calendar month within which the Maximum Distribution Commitment is reached.",
      ).end,
    ).toBe("2013-07-31");
  });

  it.each([
    ["Term: January 1, 2005 – December 31, 2005", "2005-12-31"],
    ["This Contract is valid from 1 March 2010 to 28 February 2011.", "2011-02-28"],
    ["The term of this Agreement shall lapse on June 30, 2007.", "2007-06-30"],
    ["The Agreement shall be effective until December 31, 2003.", "2003-12-31"],
    ['"Expiration Date" means December 31, 2010.', "2010-12-31"],
  ])("reads the end of %s", (text, end) => {
    expect(read(text).end).toBe(end);
  });

  it("does not read a sales period inside the term clause as the term", () => {
    expect(
      read(
        "This Agreement shall terminate if the turnover of the Products during the period 1 July 2004 - 30 June 2005 is below the target.",
      ).end,
    ).toBeNull();
  });

  it("reads an Expiration Date heading", () => {
    expect(read("Expiration Date: August 31, 2006").end).toBe("2006-08-31");
  });

  it("does not read a Contract Year as the term's length", () => {
    expect(
      read(
        "During the Term, Buyer shall meet the Purchase Commitments for a full Contract Year, as adjusted under this Agreement.",
      ).term,
    ).toBeNull();
  });

  it("reads the end of a defined contract period", () => {
    expect(
      read(
        '"CONTRACT PERIOD" means that period of time commencing upon the full execution of this Agreement by both Parties and terminating on May 31, 2016 unless sooner terminated under this Agreement.',
      ).end,
    ).toBe("2016-05-31");
  });

  it("reads a term clause run together with the survival clause after it", () => {
    expect(
      read(
        "The term of this Agreement will begin on December 15, 1997 and will end the later of (i) December 15, 1999 or (ii) delivery of all guaranteed Click-throughs. Sections 3 and 4 shall survive any termination of this Agreement.",
      ).end,
    ).toBe("1999-12-15");
  });

  it.each([
    "The representations and warranties in this Agreement shall terminate one year from the Closing Date.",
    "Licensee shall not compete during the Term and for one (1) year following the Termination Date.",
    "This Agreement shall commence on the Effective Date, and within two (2) years from the Effective Date Licensee shall file for approval.",
    "This Agreement shall terminate on the closing, and any claim must be brought within one (1) year following the Closing Date.",
  ])("does not read %s as the term", (text) => {
    expect(read(text)).toEqual({ term: null, end: null });
  });

  it("does not take the start of some other period for the term's start", () => {
    expect(
      read(
        "The first Calendar Year of the Term shall commence on the Effective Date and the last Calendar Year of the Term shall commence on January 1, 2024. The term of this Agreement is two (2) years.",
      ).end,
    ).toBe("2023-03-03");
  });
});
