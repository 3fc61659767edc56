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
