import { describe, expect, it } from "vitest";
import { findRenewal } from "@/lib/analysis/extract/find-renewal";
import { scanText } from "./scan-text";

const renewalOf = (text: string, initialTerm: string | null = null) => {
  const { renewalTerm, renewalNoticePeriod } = findRenewal(scanText(text), initialTerm);
  return {
    term: renewalTerm.value,
    automatic: renewalTerm.automatic,
    notice: renewalNoticePeriod.value,
  };
};

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
});
