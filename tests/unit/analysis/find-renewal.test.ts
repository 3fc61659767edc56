import { describe, expect, it } from "vitest";
import { renewalOf } from "./renewal-of";

describe("findRenewal", () => {
  it("reads a year-to-year continuation and the notice that stops it", () => {
    expect(
      renewalOf(
        "Upon expiration of the Initial Term, this Agreement shall continue on a year-to-year basis unless either party notifies the other of termination at least 30 days prior to the end of the then current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: null, notice: "P30D" });
  });

  it("takes notice to terminate at the end of a term from the next sentence", () => {
    expect(
      renewalOf(
        "The term will automatically renew for successive 12 month periods. Either party may terminate this Agreement at the end of any term upon ninety (90) days prior written notice.",
      ),
    ).toEqual({ term: "P12M", automatic: true, notice: "P90D" });
  });

  it("does not take notice to terminate at any time, or to exercise an option, as non-renewal notice", () => {
    expect(
      renewalOf(
        "This Agreement shall renew for successive 1-year periods if agreed by both parties. Either party may terminate the Agreement on 60-days written notice during a renewed term.",
      ).notice,
    ).toBeNull();
    expect(
      renewalOf(
        "Customer may renew this Agreement for one additional term of two (2) years by giving written notice at least 90 days prior to the expiration of the Initial Term.",
      ),
    ).toEqual({ term: "P2Y", automatic: false, notice: null });
  });

  it("does not take a payment deadline for a renewal length or notice", () => {
    expect(
      renewalOf(
        "The renewal fee is due and payable thirty (30) days prior to the renewal day. If Franchisee does not return the renewal agreement within thirty (30) days of receipt, this Agreement shall terminate.",
      ),
    ).toEqual({ term: null, automatic: null, notice: null });
  });

  it("reads a renewal under a renewal heading, skipping the initial term", () => {
    expect(
      renewalOf(
        "5. RENEWAL OF FRANCHISE TERM. Upon the expiration of the initial term, Franchisee shall have the right to obtain a successor franchise for a single term of five (5) years upon giving six (6) months notice prior to the expiration of the then current term if (3) Pretzel Time has not given notice of its election not to renew six (6) months prior to the expiration of the initial twenty (20) year term.",
      ),
    ).toMatchObject({ term: "P5Y", notice: "P6M" });
  });

  it("reads renewals said as 'each year thereafter', 'extend automatically for monthly periods' and 'additional terms of'", () => {
    expect(
      renewalOf(
        "This agreement shall renew automatically each year thereafter, unless either party serves written notice of its intention not to renew, on the other at least 90 days prior to the expiration of the then current term of this agreement.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P90D" });
    expect(
      renewalOf(
        "This Agreement will extend automatically for monthly periods unless either party to this Agreement notifies the other party in writing at least thirty (30) days before the expiration of the then current term.",
      ),
    ).toEqual({ term: "P1M", automatic: true, notice: "P30D" });
    expect(
      renewalOf(
        "When this Agreement expires, you will have the option to continue the franchise relationship with us for two (2) additional terms of ten (10) years each.",
      ).term,
    ).toBe("P10Y");
    expect(
      renewalOf(
        "IMNTV will extend the Agreement on the same terms and conditions for additional one-year terms, providing Distributor and IMNTV agree.",
      ).term,
    ).toBe("P1Y");
  });

  it("does not take the initial term under a 'TERM AND RENEWAL' heading for the renewal", () => {
    expect(
      renewalOf(
        "TERM AND RENEWAL A. The term of this Agreement is for ten (10) years commencing on the date of this Agreement. You have the right to renew the franchise for two (2) successive terms equal to five (5) years each.",
      ).term,
    ).toBe("P5Y");
  });

  it("does not take recurring periods, cure periods or other things renewed for a renewal", () => {
    const none = { term: null, automatic: null, notice: null };
    expect(
      renewalOf(
        "“Calendar Quarter” shall mean each successive period of three (3) calendar months commencing on January 1, April 1, July 1 and October 1 during the Term.",
      ),
    ).toEqual(none);
    expect(
      renewalOf(
        "The review period may be extended for an additional sixty (60) days if a representative of the non-publishing Party can demonstrate a reasonable need for such extension.",
      ),
    ).toEqual(none);
    expect(
      renewalOf(
        "The Administrator shall be responsible for arranging for and preparing annual renewals for fidelity bond and errors and omissions insurance coverage under this Agreement.",
      ),
    ).toEqual(none);
    expect(
      renewalOf(
        "This Agreement shall remain in force for an initial period of 1 year, which may be renewed by mutual consent, unless terminated earlier for any of the following reasons: insolvency of either Party; breach of any of the provisions of this Agreement by either Party that remains unremedied for a period of 30 days; or a change of control of one of the Parties in a manner that the other Party, acting reasonably, considers adverse to its interests under this Agreement.",
      ).term,
    ).toBeNull();
  });

  it("takes the notice of non-renewal, not the notice that asks for a renewal", () => {
    expect(
      renewalOf(
        "You have the right to renew the franchise for two (2) successive terms equal to five (5) years each, providing you have given us written notice of your desire to renew at least six (6) months but not more than twelve (12) months prior to the end of the term. We shall give you written notice of our election not to renew the franchise at least three (3) months prior to the expiration of the initial or first renewal term of this Agreement.",
      ),
    ).toMatchObject({ term: "P5Y", notice: "P3M" });
    expect(
      renewalOf(
        "The term of this Agreement is two years. To this end, if both parties wish to renew this Agreement, the parties shall agree on such intention in writing at least thirty (30) days before the expiry of the current Term of the Agreement.",
      ).notice,
    ).toBeNull();
  });

  it("reads notice to cancel at the end of the term, but not notice to terminate at any time", () => {
    expect(
      renewalOf(
        "Customer, upon thirty days prior written notice, may cancel this Agreement at the end of the Initial Term and thereafter on each anniversary of the end of the Initial Term.",
      ).notice,
    ).toBe("P30D");
    expect(
      renewalOf(
        "Any Party may terminate its participation in this Agreement at the end of the Initial Period or any time thereafter by giving not less than one (1) year's prior notice thereof, in writing, to the other Parties.",
      ).notice,
    ).toBeNull();
  });

  it("does not take an insurer's notice of cancellation or non-renewal", () => {
    expect(
      renewalOf(
        "The term of this Agreement renews for successive one (1) year periods. The certificate of insurance must state that the policy may not be canceled, subject to nonrenewal, or materially altered without at least 30 days' prior written notice to us.",
      ),
    ).toMatchObject({ term: "P1Y", notice: null });
  });

  it("reads a term that continues for consecutive or additional periods", () => {
    expect(
      renewalOf(
        "This Agreement shall remain in effect for five (5) years and shall thereafter continue for consecutive one (1) year periods unless either Party gives notice to the other of its desire to terminate at least 60 days prior to the end of the then current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P60D" });
    expect(
      renewalOf(
        "Upon termination, the confidentiality obligations shall continue for an additional period of three (3) years.",
      ).term,
    ).toBeNull();
  });

  it("does not take a renewal that needs the parties' mutual agreement for a renewal term", () => {
    expect(
      renewalOf(
        "This Agreement may be renewed for an additional one year term (“Renewal Term”) upon mutual written agreement of the Parties.",
      ).term,
    ).toBeNull();
    expect(
      renewalOf(
        "After the Initial Term, the term of the Agreement may be extended by a further period of five (5) years by mutual written agreement by the parties.",
      ).term,
    ).toBeNull();
  });

  it("does not take notice before the end of another period for the non-renewal notice", () => {
    expect(
      renewalOf(
        "This Agreement shall automatically renew for successive one (1) year terms. Supplier shall give written notice of any price change at least sixty (60) days prior to the end of each calendar quarter.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: null });
  });

  it("reads 'annual renewal terms' as a year", () => {
    expect(
      renewalOf(
        "Thereafter, this Agreement shall automatically renew for annual renewal terms unless either party gives written notice of non-renewal at least sixty (60) days prior to the end of the then current term.",
      ),
    ).toEqual({ term: "P1Y", automatic: true, notice: "P60D" });
  });

  it("does not take a notice about what happens on termination or expiry for the non-renewal notice", () => {
    expect(
      renewalOf(
        "Upon termination of this Agreement or upon the expiration of the Term, Distributor shall, within ten days after thirty (30) days written notice from Supplier, return all Products.",
      ).notice,
    ).toBeNull();
  });
});
