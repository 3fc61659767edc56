import { describe, expect, it } from "vitest";
import { findKeyDates } from "@/lib/analysis/extract/find-key-dates";
import { findPreambleCandidates } from "@/lib/analysis/extract/find-preamble";
import { findSignatureDate } from "@/lib/analysis/extract/find-signature-date";
import { scanText } from "./scan-text";

describe("findKeyDates", () => {
  it("takes the term's commencement as the effective date when none is stated", () => {
    const ctx = scanText(
      "This Agreement is entered into this 6th day of April, 1999 by and between A Inc. and B Inc.\n\nThe term of this Agreement for the Hosted Site shall commence upon April 1, 1999 and shall continue for a period of six (6) months.",
    );
    expect(findKeyDates(ctx, null).effectiveDate.value).toBe("1999-04-01");
  });

  it("reads a stated commencement date", () => {
    const ctx = scanText(
      "1.4 Contract Term. The commencement date for this contract will be 16th June 2004.",
    );
    expect(findKeyDates(ctx, null).effectiveDate.value).toBe("2004-06-16");
  });

  it("prefers a stated effective date over the commencement", () => {
    const ctx = scanText(
      "This Agreement is made effective March 22, 2018.\n\nThis Agreement shall commence on March 15, 2018 and will expire on March 14, 2020.",
    );
    expect(findKeyDates(ctx, null).effectiveDate.value).toBe("2018-03-22");
  });
});

describe("findKeyDates agreement date", () => {
  const coverAndPreamble = (signature: string) =>
    scanText(
      `OUTSOURCING AGREEMENT BETWEEN ACME CORPORATION AND BETA INC. EFFECTIVE DATE JUNE 1, 1998\n\nThis Outsourcing Agreement is entered into by and between Acme Corporation ("Acme") and Beta Inc. ("Beta").\n\nWHEREAS the parties wish to agree.\n\n${signature}`,
    );

  it("takes the signature date over a cover-page effective-date label", () => {
    const ctx = coverAndPreamble("By: /s/ A. Smith Date: May 5, 1998");
    const [preamble] = findPreambleCandidates(ctx);
    expect(findKeyDates(ctx, preamble ?? null).agreementDate.value).toBe("1998-05-05");
  });

  it("falls back to the labelled effective date when nothing says when it was signed", () => {
    const ctx = coverAndPreamble("By: /s/ A. Smith");
    const [preamble] = findPreambleCandidates(ctx);
    expect(findKeyDates(ctx, preamble ?? null).agreementDate.value).toBe("1998-06-01");
  });
});

describe("findKeyDates skips dates of other documents", () => {
  const agreementDate = (text: string) => {
    const ctx = scanText(text);
    const [preamble] = findPreambleCandidates(ctx);
    return findKeyDates(ctx, preamble ?? null).agreementDate.value;
  };

  it("ignores the EDGAR filing stamp above the preamble", () => {
    expect(
      agreementDate(
        "1Source: DOVA PHARMACEUTICALS INC., 10-Q, 11/8/2018 CO-PROMOTION AGREEMENT This Co-Promotion Agreement (this “Agreement”) is entered into and dated as of September 26, 2018 by and between Dova Pharmaceuticals, Inc. (“Dova”) and Valeant LLC (“Valeant”).",
      ),
    ).toBe("2018-09-26");
  });

  it("ignores the date of the agreement an amendment amends", () => {
    expect(
      agreementDate(
        "Amendment n° 01 to the Global Maintenance Agreement ref. DS/C-3957/14 Issue 7 dated March 9, 2015 BETWEEN Azul S/A (“Azul”) AND ATR G.I.E. (“ATR”).\n\nIN WITNESS WHEREOF, the Parties have signed this Amendment.\n\nDate: January 6th, 2016",
      ),
    ).toBe("2016-01-06");
  });

  it("ignores a recited agreement named with an alias in brackets", () => {
    expect(
      agreementDate(
        "REMARKETING AGREEMENT February 15, 2011 Ladies and Gentlemen: Acme Inc. (the “Company”) and Acme Trust (the “Trust”) issued units pursuant to a Unit Agreement (the “Unit Agreement”) dated as of December 18, 2001 between the Company and the Trust.",
      ),
    ).toBe("2011-02-15");
  });

  it("reads a date under the title when the preamble has none", () => {
    expect(
      agreementDate(
        "ENDORSEMENT AGREEMENT March 3, 2010\n\nThis Endorsement Agreement is made by and between Acme Inc. (“Acme”) and A. Player (“Player”).",
      ),
    ).toBe("2010-03-03");
  });

  it("reads no agreement date when the preamble leaves it blank", () => {
    expect(
      agreementDate(
        "TRANSITION SERVICES AGREEMENT (the “Agreement”) dated as of [•], 2020, between Reynolds Holdings Inc. (“RGHI”) and Reynolds Products Inc. (the “Company”). Effective February 4, 2020 (the “Commencement Date”), the Company is undertaking an offering.",
      ),
    ).toBeNull();
  });

  it("prefers the date the preamble introduces over a bare cover date", () => {
    expect(
      agreementDate(
        'EXHIBIT 10.71 May 04, 2017 Strategic Alliance Agreement This Strategic Alliance Agreement (this "Agreement") is entered into as of the 26th day of May, 2017, by and between Cool Inc. ("COOL") and Vet LLC ("VET").',
      ),
    ).toBe("2017-05-26");
  });
});

describe("findKeyDates undated preambles", () => {
  it("leaves an agreement made on a day and month without a year undated, quoting it", () => {
    const ctx = scanText(
      'CONSULTING AGREEMENT THIS AGREEMENT made this 30th day of April (the "Effective Date") between Slinger Bag Inc., a Nevada company (the "Company") and Aitan Zacharin, an individual (the "Consultant").\n\nReference is made to the Warrant Agreement dated 30 April 2020.',
    );
    const [preamble] = findPreambleCandidates(ctx);
    const { agreementDate } = findKeyDates(ctx, preamble ?? null);
    expect(agreementDate.value).toBeNull();
    expect(agreementDate.evidence?.quote).toContain("made this 30th day of April");
  });

  it("still reads a year that follows the day and month", () => {
    const ctx = scanText(
      'THIS AGREEMENT made this 30th day of April, 2020 between Slinger Bag Inc. (the "Company") and Aitan Zacharin (the "Consultant").',
    );
    const [preamble] = findPreambleCandidates(ctx);
    expect(findKeyDates(ctx, preamble ?? null).agreementDate.value).toBe("2020-04-30");
  });
});

describe("findKeyDates signature dates", () => {
  it("dates the agreement from the witness clause when the preamble has no date", () => {
    const ctx = scanText(
      'This Endorsement Agreement ("Agreement") is made by and between Movado Inc. ("Movado") and A. Player ("Player").\n\nIN WITNESS WHEREOF, the parties hereto have executed this Agreement as of this 4th day of April, 2003.',
    );
    const [preamble] = findPreambleCandidates(ctx);
    expect(findKeyDates(ctx, preamble ?? null).agreementDate.value).toBe("2003-04-04");
  });

  it("takes the last of the parties' signature dates", () => {
    const ctx = scanText(
      'This Outsourcing Agreement is entered into by and between MMI B.V. ("MMI") and Dragon Systems, Inc. ("Dragon").\n\nMMI /s/ John Dick General Manager 19 Jan. 1998 DRAGON SYSTEMS, INC. /s/ Janet M. Baker, President 12 Jan. 1998',
    );
    const [preamble] = findPreambleCandidates(ctx);
    expect(findKeyDates(ctx, preamble ?? null).agreementDate.value).toBe("1998-01-19");
  });

  it("reads a conformed signature typed with backslashes (\\s\\) as /s/", () => {
    const signed = findSignatureDate(
      `${"MMI shall provide the Services to Dragon. ".repeat(80)}\n\nMMI \\s\\ John Dick General Manager - ------------------------------------------------------- 19 Jan. 1998`,
    );
    expect(signed?.date.iso).toBe("1998-01-19");
  });

  it("reads a date labelled (Date) under the signatures", () => {
    const ctx = scanText(
      "The undersigned agree to the joint filing of the Schedule 13G/A dated as of December 31, 2019.\n\nJanuary 22, 2020 (Date) ABP TRUST /s/ Adam Smith (Signature)",
    );
    expect(findKeyDates(ctx, null).agreementDate.value).toBe("2020-01-22");
  });
});

describe("findKeyDates effective date", () => {
  const dates = (text: string) => {
    const ctx = scanText(text);
    const [preamble] = findPreambleCandidates(ctx);
    const found = findKeyDates(ctx, preamble ?? null);
    return { agreement: found.agreementDate.value, effective: found.effectiveDate.value };
  };
  const preamble =
    'This Sponsorship Agreement ("Agreement") is entered into as of December 18, 1998, by and between Ford Media ("FMM") and iVillage, Inc. ("iVillage").';

  it("states no effective date when the contract never says when it takes effect", () => {
    expect(dates(preamble)).toEqual({ agreement: "1998-12-18", effective: null });
  });

  it.each([
    "This Agreement shall become effective as of the day and year first above written.",
    "“Effective Date” means the date first written above.",
    "This Amendment shall enter into force on the date of its signature by both Parties.",
    "This JV Agreement shall become effective on the signing date.",
    "This Agreement shall become effective on the date on which it is signed by both Parties.",
    "This Agreement commences on the date first above written, and will remain in effect for five (5) years.",
  ])("takes the agreement date when the contract takes effect on it: %s", (clause) => {
    expect(dates(`${preamble}\n\n${clause}`)).toEqual({
      agreement: "1998-12-18",
      effective: "1998-12-18",
    });
  });

  it("reads an Effective Date the body uses without defining as the agreement date", () => {
    const text = `${preamble}\n\nThe initial term of this Agreement will be two years commencing on the Effective Date.`;
    expect(dates(text).effective).toBe("1998-12-18");
  });

  it("states no effective date when the Effective Date is defined by an event", () => {
    const text = `${preamble}\n\n"Effective Date" means the date on which this Contract has been approved by the Examination and Approval Authority.\n\nThe term begins on the Effective Date.`;
    expect(dates(text).effective).toBeNull();
  });

  it("does not take a term commencing on the date of the agreement as a stated effective date", () => {
    const text = `${preamble}\n\nThe term of this Agreement shall be three years, commencing on the date of this Agreement.`;
    expect(dates(text).effective).toBeNull();
  });

  it("gives the definition to the nearer of two dates", () => {
    const text =
      "Aduro Biotech, Inc. (“Aduro”) and IREYA B.V (“Consultant”) agree to all terms and conditions of this Consulting Agreement (“Agreement”) dated June 1, 2020, effective as of July 1, 2020 (“Effective Date”).";
    expect(dates(text)).toEqual({ agreement: "2020-06-01", effective: "2020-07-01" });
  });

  it("reads an effectiveness clause in the body", () => {
    const body = "The parties shall cooperate in good faith. ".repeat(200);
    const text = `${preamble}\n\n${body}\n\n13.1 This Agreement shall come into force as of January 1, 2013 and remain valid for 1 year.`;
    expect(dates(text).effective).toBe("2013-01-01");
  });

  it("reads a term that begins on a stated date", () => {
    const text = `${preamble}\n\nThis promotion shall begin on June 1,1999 and shall terminate June 1, 2000 (herein "Term").`;
    expect(dates(text).effective).toBe("1999-06-01");
  });

  it("ignores a date on which something else than the contract becomes effective", () => {
    const text = `${preamble}\n\nThe Stated Maturity of the Debt Securities will, effective October 8, 2014, automatically be adjusted to December 15, 2017.`;
    expect(dates(text).effective).toBeNull();
  });
});
