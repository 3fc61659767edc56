import { describe, expect, it } from "vitest";
import { findKeyDates } from "@/lib/analysis/extract/find-key-dates";
import { findPreambleCandidates } from "@/lib/analysis/extract/find-preamble";
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
