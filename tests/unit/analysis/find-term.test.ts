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
