import { describe, expect, it } from "vitest";
import { renewalOf } from "./renewal-of";

// Short synthetic clauses for the ways drafters provide for a renewal and for the notice that
// stops it, and for the notice periods that look like one but are not (CUAD's "Notice Period To
// Terminate Renewal" is only the notice that prevents the renewal or ends the term at its end).
const noticeOf = (text: string) => renewalOf(text).notice;
const termOf = (text: string) => renewalOf(text).term;

const AUTO_RENEWAL = "This Agreement shall automatically renew for successive one (1) year terms.";

describe("renewal and the notice that stops it", () => {
  it("reads an automatic renewal with notice of non-renewal before the expiration", () => {
    expect(
      renewalOf(
        "This Agreement shall automatically renew for successive one-year periods unless either party gives written notice of non-renewal at least ninety (90) days prior to the expiration of the then-current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P90D" });
  });

  it("reads a term that continues from year to year until stopped by notice", () => {
    expect(
      renewalOf(
        "This Agreement shall continue from year to year thereafter unless terminated by either party by written notice given not less than sixty (60) days before the end of the then current term.",
      ),
    ).toMatchObject({ term: "P1Y", notice: "P60D" });
    expect(
      renewalOf(
        "Following the Initial Term, this Agreement shall continue on a month-to-month basis until terminated by either party upon thirty (30) days' written notice.",
      ),
    ).toMatchObject({ term: "P1M", notice: "P30D" });
  });

  it("reads an evergreen clause with notice before the renewal date", () => {
    expect(
      renewalOf(
        "This is an evergreen agreement which shall renew for successive twelve (12) month terms unless either party notifies the other in writing at least thirty (30) days before the renewal date of its intent not to renew.",
      ),
    ).toEqual({ term: "P12M", automatic: true, notice: "P30D" });
  });

  it("reads a term extended automatically unless notice of termination is given", () => {
    expect(
      renewalOf(
        "The term shall be extended automatically for additional periods of one (1) year each unless either party gives the other written notice of termination at least three (3) months prior to the expiration of the then current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P3M" });
  });

  it("reads notice given to prevent or opt out of the renewal in the next sentence", () => {
    expect(
      renewalOf(
        `${AUTO_RENEWAL} Either party may prevent such renewal by giving written notice to the other party not less than sixty (60) days prior to the end of the then-current term.`,
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P60D" });
    expect(
      renewalOf(
        `${AUTO_RENEWAL} A party may opt out of any renewal by written notice delivered no later than forty-five (45) days before the anniversary of the Effective Date.`,
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P45D" });
  });

  it("reads notice to terminate effective at the end of the term", () => {
    expect(
      renewalOf(
        "Thereafter this Agreement shall renew automatically for additional terms of two (2) years unless either party elects to terminate this Agreement effective as of the end of the then-current term by giving at least one hundred eighty (180) days' prior written notice.",
      ),
    ).toEqual({ term: "P2Y", automatic: true, notice: "P180D" });
  });

  it("reads notice of non-renewal given in another section", () => {
    expect(
      renewalOf(
        "2.1 After the Initial Term this Agreement shall automatically renew for successive one year terms unless either party gives notice of non-renewal under Section 14.2. 3.1 The Distributor shall purchase the Products from the Company. 14.2 Either party may give notice of non-renewal not less than ninety (90) days prior to the end of the then-current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P90D" });
  });

  it("reads an option to extend by notice as a renewal term that is not automatic", () => {
    expect(
      renewalOf(
        "Licensee shall have the option to extend the Term for one (1) additional period of three (3) years by giving Licensor written notice at least one hundred eighty (180) days prior to the expiration of the Initial Term.",
      ),
    ).toEqual({ term: "P3Y", automatic: false, notice: null });
    expect(
      renewalOf(
        "Distributor may renew this Agreement for an additional two (2) year term. Such renewal shall be effected by Distributor giving written notice not less than ninety (90) days prior to the expiration of the Initial Term.",
      ),
    ).toEqual({ term: "P2Y", automatic: false, notice: null });
  });
});

describe("what is not a renewal term", () => {
  it("does not take a renewal by mutual agreement for a renewal term", () => {
    expect(
      termOf(
        "This Agreement may be renewed for additional one-year periods as mutually agreed in writing by the parties.",
      ),
    ).toBeNull();
    expect(
      termOf(
        "Upon expiration, the Term may be extended for a further period of two (2) years subject to the mutual written agreement of the parties.",
      ),
    ).toBeNull();
  });

  it("does not take the extension of a warranty or an exclusivity period for a renewal", () => {
    expect(
      termOf(
        "The warranty term for any repaired Product shall be extended for an additional twelve (12) months from the date of repair.",
      ),
    ).toBeNull();
    expect(
      termOf(
        "The exclusivity term under this Agreement shall be extended for an additional one (1) year period if Distributor meets the Minimum Purchase Requirement.",
      ),
    ).toBeNull();
  });
});

describe("notice periods that do not stop a renewal", () => {
  it("does not take notice to terminate for convenience next to a renewal", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement for convenience at any time upon ninety (90) days' prior written notice.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one-year terms unless terminated as provided in Section 10; either party may terminate this Agreement for convenience on thirty (30) days' notice.",
      ),
    ).toBeNull();
  });

  it("does not take notice to terminate before the end of the term for the non-renewal notice", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement prior to the expiration of the Term upon thirty (30) days' prior written notice to the other party.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Before expiration of the Term, either Party may terminate this Agreement if the other Party fails to remedy a material breach within ten (10) business days after written notice.`,
      ),
    ).toBeNull();
  });

  it("does not take an early termination or a breach carved out of the renewal sentence", () => {
    expect(
      noticeOf(
        "The Agreement shall renew automatically for successive one-year terms, unless sooner terminated by either party upon sixty (60) days prior written notice as provided in Section 9.",
      ),
    ).toBeNull();
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one-year periods unless earlier terminated by either party upon thirty (30) days' written notice of a material breach that remains uncured.",
      ),
    ).toBeNull();
  });

  it("does not take notice of a price change or a renegotiation before the end of the term", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Supplier may adjust the prices effective upon any renewal by giving Distributor written notice at least sixty (60) days prior to the expiration of the then-current term.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        `${AUTO_RENEWAL} The parties shall notify each other in writing and commence good-faith negotiations regarding the terms of any renewal no later than six (6) months prior to the expiration of the Initial Term.`,
      ),
    ).toBeNull();
  });

  it("does not take notice before the end of a contract year or a warranty period", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Sixty (60) days prior to the end of each Contract Year, Distributor shall provide written notice of its forecast.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Customer shall give written notice of any defect no later than thirty (30) days prior to the end of the Warranty Period.`,
      ),
    ).toBeNull();
  });

  it("does not take the notice that asks for a renewal of an option", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} If Licensee wishes to negotiate a renewal on different terms, it shall notify Licensor in writing ninety (90) days before the expiration of the then-current term.`,
      ),
    ).toBeNull();
  });

  it("does not take an unrelated notice in the sentence after a renewal", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Licensee shall give Licensor thirty (30) days' prior written notice of any change of its address.`,
      ),
    ).toBeNull();
  });
});

describe("more ways to say the notice that stops a renewal", () => {
  it("reads a renewal that happens if neither party gives notice", () => {
    expect(
      renewalOf(
        "If neither party gives written notice of termination at least thirty (30) days prior to the expiration of the Initial Term, this Agreement shall be renewed automatically for successive one (1) year terms.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P30D" });
  });

  it("reads notice to terminate with effect from the end of the term or on any anniversary", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement with effect from the end of the Initial Term or any Renewal Term by giving not less than six (6) months' written notice.`,
      ),
    ).toBe("P6M");
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement effective on any anniversary of the Effective Date upon ninety (90) days' prior written notice.`,
      ),
    ).toBe("P90D");
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may end this Agreement by giving not less than three (3) months' notice in writing to expire at the end of the Initial Term or any subsequent year.`,
      ),
    ).toBe("P3M");
  });

  it("reads notice counted back from the start of a renewal term or the scheduled expiration", () => {
    expect(
      noticeOf(
        "This Agreement shall renew automatically for successive one-year renewal terms unless a party terminates it by written notice given no less than ninety (90) days before the commencement of any renewal term.",
      ),
    ).toBe("P90D");
    expect(
      noticeOf(
        "This Agreement shall automatically renew for additional one (1) year periods unless either party notifies the other in writing at least sixty (60) days prior to the scheduled expiration of the then-current term.",
      ),
    ).toBe("P60D");
  });

  it("reads a renewal for a period equal to the initial term", () => {
    expect(
      termOf(
        "Upon expiry of the Initial Term, this Agreement shall be renewed automatically for a period equal to the Initial Term unless either party gives notice of non-renewal.",
      ),
    ).toBeNull();
    expect(
      renewalOf(
        "Upon expiry of the Initial Term, this Agreement shall be renewed automatically for a period equal to the Initial Term unless either party gives notice of non-renewal.",
        "P3Y",
      ).term,
    ).toBe("P3Y");
  });

  it("does not take the notice of an opt-in renewal for the notice that stops one", () => {
    expect(
      noticeOf(
        "Unless Licensee notifies Licensor in writing of its intention to renew this Agreement for a further term of two (2) years at least ninety (90) days before expiry, this Agreement shall terminate at the end of the Term.",
      ),
    ).toBeNull();
  });

  it("does not take a one-time right to terminate on a given anniversary", () => {
    expect(
      noticeOf(
        "The term of this Agreement is five (5) years. Licensee may terminate this Agreement on the third anniversary of the Effective Date upon ninety (90) days' written notice.",
      ),
    ).toBeNull();
  });
});

describe("a notice window that closes at the end of the term", () => {
  it("reads notice given within a number of days of the expiration", () => {
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one (1) year terms unless either party notifies the other party in writing of its desire to terminate within sixty (60) days of the expiration of the then current term.",
      ),
    ).toBe("P60D");
  });

  it("does not take a cure period that runs within days of the expiration", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Any breach notified in writing within thirty (30) days of the expiration of the Term shall be cured before such expiration.`,
      ),
    ).toBeNull();
  });
});

describe("the notice without a renewal length", () => {
  it("reads the notice that stops an automatic renewal said without a length", () => {
    expect(
      renewalOf(
        "This Agreement shall automatically renew unless either party provides written notice to the other at least sixty (60) days prior to the expiration of the then-current term.",
      ),
    ).toEqual({ term: null, automatic: null, notice: "P60D" });
  });

  it("does not take notice to terminate at the end of a fixed term that never renews", () => {
    expect(
      noticeOf(
        "The term of this Agreement is three (3) years from the Effective Date. Either party may terminate this Agreement at the end of the Term upon ninety (90) days' written notice, and Distributor shall return all materials.",
      ),
    ).toBeNull();
  });

  it("does not take a report due before the end of the term, away from the renewal", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} 4.1 Distributor shall sell the Products in the Territory. 4.2 Distributor shall deliver to Supplier a written report of its inventory no later than thirty (30) days prior to the expiration of the Term.`,
      ),
    ).toBeNull();
  });
});

describe("renewals of a document under the contract", () => {
  it("does not take the renewal of an attachment or a statement of work for the contract's", () => {
    expect(
      renewalOf(
        "3.2 Renewal Each Service Attachment will renew automatically for an additional term of one (1) year unless either party notifies the other party in writing at least ninety (90) days prior to the end of the then-current term of such Service Attachment.",
      ),
    ).toEqual({ term: null, automatic: null, notice: null });
    expect(
      renewalOf(
        "This Agreement and each Statement of Work shall automatically renew for successive one (1) year terms unless either party gives notice of non-renewal at least thirty (30) days prior to the end of the then-current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P30D" });
  });
});

describe("notices that look back from another end or ask to go on", () => {
  it("does not take a report due within days of the end of each month", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Within fifteen (15) days of the end of each calendar month, Distributor shall provide a written report of its sales.`,
      ),
    ).toBeNull();
  });

  it("does not take a notice that a party intends the services to continue", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Supplier shall provide six (6) months' notice prior to the expiry of the Term that it intends for Distributor to continue providing services.`,
      ),
    ).toBeNull();
  });
});

describe("a franchisee's election to obtain a successor franchise", () => {
  it("does not take the notice of the election for the notice that stops a renewal", () => {
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive five (5) year terms. Franchisee shall give Franchisor written notice of its election to obtain a successor franchise not less than six (6) months prior to the expiration of this Agreement.",
      ),
    ).toBeNull();
  });
});

describe("periods in a renewal's neighbourhood that are not a renewal term", () => {
  it("does not take a covenant's period after termination, even next to 'unless renewed'", () => {
    expect(
      termOf(
        "Upon termination or expiration of this Agreement (unless the franchise is renewed as provided in this Agreement), Franchisee agrees that for a period of twelve (12) months commencing on the effective date of termination or expiration it shall not compete with Franchisor.",
      ),
    ).toBeNull();
  });

  it("does not take a recurring measuring window for a renewal", () => {
    expect(
      termOf(
        "During each consecutive three (3) month period during the Term of this Agreement, Franchisee must spend three percent (3%) of its Gross Sales on local marketing.",
      ),
    ).toBeNull();
  });

  it("still reads a renewal that starts on the expiration", () => {
    expect(
      termOf(
        "This Agreement shall automatically renew for a further term of one (1) year commencing on the expiration of the Initial Term.",
      ),
    ).toBe("P1Y");
  });
});

describe("a price or fee in another clause of the renewal sentence", () => {
  it("still reads the notice when the fees of the renewal term follow it", () => {
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one (1) year terms unless either party gives the other written notice at least ninety (90) days prior to the end of the then-current term, and the fees for each renewal term shall increase by three percent (3%).",
      ),
    ).toBe("P90D");
  });

  it("still reads the notice when the prices were fixed in an earlier clause", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Prices are fixed during the Initial Term; either party may give written notice of termination at least sixty (60) days prior to the expiration of the then-current term.`,
      ),
    ).toBe("P60D");
  });
});

describe("renewals said by anniversary, calendar year or consent", () => {
  it("reads notice that a party does not wish to extend before the anniversary", () => {
    expect(
      renewalOf(
        "The term of this Agreement shall automatically be extended by one (1) year on each anniversary of the Effective Date unless either party notifies the other in writing at least ninety (90) days before such anniversary that it does not wish to extend the term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P90D" });
  });

  it("reads a renewal for successive calendar years", () => {
    expect(
      renewalOf(
        "This Agreement shall renew automatically for successive calendar years unless terminated by either party by written notice not less than sixty (60) days before the end of any calendar year.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P60D" });
  });

  it("does not take a renewal upon the consent of both parties for a renewal term", () => {
    expect(
      termOf(
        "This Agreement may be renewed for successive one-year terms upon the written consent of both parties.",
      ),
    ).toBeNull();
  });
});

describe("several notices around one renewal", () => {
  it("takes the non-renewal notice, not the termination for convenience after it", () => {
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one-year terms unless either party gives notice of non-renewal at least ninety (90) days prior to the end of the then-current term; provided that either party may terminate this Agreement for convenience upon thirty (30) days' notice.",
      ),
    ).toBe("P90D");
  });

  it("does not take the notice of a termination for convenience that follows a non-renewal", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may elect not to renew this Agreement, and either party may terminate this Agreement upon thirty (30) days' notice for convenience.`,
      ),
    ).toBeNull();
  });

  it("does not take notice to renegotiate, to terminate without cause or for breach", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may give the other written notice of its desire to renegotiate the royalty at least ninety (90) days prior to the expiration of the then-current term.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement without cause upon ninety (90) days' prior written notice to the other party before the expiration of the Term.`,
      ),
    ).toBeNull();
    expect(
      noticeOf(
        "This Agreement shall remain in effect for one year and shall be automatically renewed for successive one-year terms unless terminated by either party upon thirty (30) days' notice for breach.",
      ),
    ).toBeNull();
  });
});

describe("a notice given under the notices section", () => {
  it("reads the opt-out notice that refers to the notices section", () => {
    expect(
      noticeOf(
        "This Agreement shall automatically renew for successive one (1) year terms unless either party gives ninety (90) days' written notice of termination in accordance with Section 15.",
      ),
    ).toBe("P90D");
  });
});

describe("consecutive periods that measure performance", () => {
  it("does not take consecutive periods of a minimum purchase condition for a renewal", () => {
    expect(
      termOf(
        "If Distributor fails to meet the Minimum Purchase Requirement for two (2) consecutive twelve (12) month periods, Supplier may terminate this Agreement upon notice.",
      ),
    ).toBeNull();
  });

  it("still reads a term that goes on for successive periods", () => {
    expect(
      termOf(
        "The term of this Agreement shall be one (1) year and thereafter for successive one (1) year periods unless terminated by either party.",
      ),
    ).toBe("P1Y");
  });
});

describe("the end of the term named elsewhere", () => {
  it("reads notice before the expiration date specified in an exhibit", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may give written notice of termination at least thirty (30) days prior to the expiration date specified in Exhibit A.`,
      ),
    ).toBe("P30D");
  });

  it("does not take notice before the intended termination date of a termination at will", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Either party may terminate this Agreement by written notice given at least sixty (60) days prior to the intended termination date.`,
      ),
    ).toBeNull();
  });
});

describe("deadlines that are extended", () => {
  it("does not take the extension of a cure period or a delivery date for a renewal", () => {
    expect(
      termOf(
        "The cure period under this Agreement may be extended for an additional thirty (30) days by the non-breaching party.",
      ),
    ).toBeNull();
    expect(
      termOf(
        "The delivery date under this Agreement shall be extended for a further period of two (2) months in the event of force majeure.",
      ),
    ).toBeNull();
  });
});

describe("a cover sheet's renewal entries", () => {
  it("reads the notice of non-renewal given as an entry", () => {
    expect(
      renewalOf(
        "Renewal: this Agreement renews automatically for successive one (1) year terms; Notice of non-renewal: sixty (60) days.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P60D" });
  });
});

describe("a date before the end that is not a notice length", () => {
  it("does not take a report due within days of the end of the term", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Within fifteen (15) days of the end of the then-current term, Distributor shall deliver to Supplier its final sales report.`,
      ),
    ).toBeNull();
  });

  it("does not take a meeting held a number of days before the expiration", () => {
    expect(
      noticeOf(
        `${AUTO_RENEWAL} Ninety (90) days prior to the expiration of each term, the Parties shall meet to review the Annual Plan and notify each other in writing of any proposed changes.`,
      ),
    ).toBeNull();
  });
});
