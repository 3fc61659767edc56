import { describe, expect, it } from "vitest";
import type { AnalysisResult } from "@/lib/analysis/result-schema";
import { runAnalysis } from "@/lib/analysis/run-analysis";
import { classifyContractType } from "@/lib/contract-terms/classify-contract-type";
import { deriveContractTerms } from "@/lib/contract-terms/derive-contract-terms";
import { listContractFiles, loadContract, toExtractedText } from "../analysis/load-contract";

const analyse = (file: string) => runAnalysis(loadContract(file));
const fileLike = (part: string) => {
  const file = listContractFiles().find((f) => f.includes(part));
  if (!file) throw new Error(`no contract named like ${part}`);
  return file;
};

describe("deriveContractTerms on real contracts (CUAD)", () => {
  it("reads an auto-renewing distributor agreement with a computed expiration", async () => {
    const terms = deriveContractTerms(await analyse(fileLike("LEGACYTECHNOLOGYHOLDINGS")));
    expect(terms).toMatchObject({
      resultVersion: 1,
      title: "EXCLUSIVE DISTRIBUTOR AGREEMENT",
      contractType: "distribution",
      counterparty: "Sierra Mountain Minerals, Inc.",
      parties: ["LifeUSA/ Envision Health, Inc.", "Sierra Mountain Minerals, Inc."],
      effectiveDate: "2005-12-08",
      expirationDate: "2007-12-08",
      expirationEstimated: true,
      perpetual: false,
      autoRenews: true,
      renewalTerm: "P1Y",
      noticePeriod: "P60D",
      governingLaw: "Colorado",
    });
  });

  it("keeps a stated expiration unestimated and a non-renewing contract's renewal false", async () => {
    const terms = deriveContractTerms(await analyse(fileLike("LeadersonlineInc")));
    expect(terms).toMatchObject({
      contractType: "partnership",
      expirationDate: "2001-06-15",
      expirationEstimated: false,
      autoRenews: false,
      governingLaw: "Pennsylvania",
    });
  });

  it("marks a perpetual agreement, and names the other side as counterparty", async () => {
    const terms = deriveContractTerms(await analyse(fileLike("DOMINIADVISORTRUST")));
    expect(terms).toMatchObject({
      contractType: "sponsorship",
      perpetual: true,
      expirationDate: null,
      counterparty: "Domini Social Investments LLC",
    });
  });

  it("skips the first party's affiliates when naming the counterparty", async () => {
    const terms = deriveContractTerms(await analyse(fileLike("SPOKHOLDINGS")));
    expect(terms.parties[0]).toBe("Spôk Holdings, Inc.");
    expect(terms.counterparty).toBe("White Hat Strategic Partners LP");
  });

  it("classifies every contract of the sample, and stores only well-formed dates and durations", async () => {
    const types = new Map<string, string>();
    for (const file of listContractFiles()) {
      const result = await analyse(file);
      const terms = deriveContractTerms(result);
      types.set(file, terms.contractType ?? "");
      for (const day of [terms.effectiveDate, terms.expirationDate])
        if (day !== null) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const duration of [terms.renewalTerm, terms.noticePeriod])
        if (duration !== null) expect(duration).toMatch(/^P\d/);
      expect(terms.highRiskCount).toBe(
        result.riskFlags.filter((f) => f.severity === "high").length,
      );
      expect(new Set(terms.riskCodes)).toEqual(new Set(result.riskFlags.map((f) => f.code)));
    }
    const typeOf = (part: string) => types.get(fileLike(part));
    expect(typeOf("RESELLER AGREEMENT")).toBe("reseller");
    expect(typeOf("Marketing Agreement_ Reseller")).toBe("reseller");
    expect(typeOf("SUPPLY AGREEMENT")).toBe("supply");
    expect(typeOf("Manufacturing Agreement")).toBe("supply");
    expect(typeOf("Trademark License")).toBe("license");
    expect(typeOf("LICENSE AND HOSTING")).toBe("license");
    expect(typeOf("FRANCHISE")).toBe("license");
    expect(typeOf("JOINT VENTURE")).toBe("partnership");
    expect(typeOf("STRATEGIC ALLIANCE")).toBe("partnership");
    expect(typeOf("Sponsorship Agreement")).toBe("sponsorship");
    expect(typeOf("ENDORSEMENT AGREEMENT")).toBe("sponsorship");
    expect(typeOf("CONSULTING AGREEMENT")).toBe("services");
    expect(typeOf("WEB SITE HOSTING")).toBe("services");
    expect(typeOf("Outsourcing Agreement")).toBe("services");
    expect(typeOf("DISTRIBUTOR AGREEMENT")).toBe("distribution");
    // Most of the sample has a telling title; "other" stays the exception.
    expect([...types.values()].filter((t) => t === "other").length).toBeLessThanOrEqual(4);
  });
});

describe("deriveContractTerms details", () => {
  const sample = (paragraphs: string[]) => runAnalysis(toExtractedText(paragraphs.join("\n\n")));

  it("falls back to a mutual convenience right's notice for an auto-renewing contract", async () => {
    const result = await sample([
      'This Services Agreement is entered into as of March 3, 2021 by and between Acme Widgets, Inc. ("Provider") and Globex LLC ("Client").',
      "The term of this Agreement shall commence on the Effective Date and continue for a period of one (1) year. Thereafter this Agreement shall automatically renew for successive one (1) year periods.",
      "Either party may terminate this Agreement for convenience upon ninety (90) days written notice.",
    ]);
    const withoutStatedNotice: AnalysisResult = {
      ...result,
      term: {
        ...result.term,
        renewalNoticePeriod: { value: null, display: "Not found", evidence: null },
      },
    };
    const terms = deriveContractTerms(withoutStatedNotice);
    expect(terms.autoRenews).toBe(true);
    expect(terms.noticePeriod).toBe("P90D");
    expect(terms.contractType).toBe("services");
    expect(terms.counterparty).toBe("Globex LLC");

    const oneSided: AnalysisResult = {
      ...withoutStatedNotice,
      term: {
        ...withoutStatedNotice.term,
        terminationRights: withoutStatedNotice.term.terminationRights.map((r) => ({
          ...r,
          party: "Client",
        })),
      },
    };
    expect(deriveContractTerms(oneSided).noticePeriod).toBeNull();
  });

  it("drops values Postgres or the date math cannot take", async () => {
    const result = await sample([
      'This Agreement is made between Acme Inc. ("Acme") and Beta LLC ("Beta").',
    ]);
    const evidence = { quote: "x", unit: 1, unitLabel: "paragraph" as const };
    const junk: AnalysisResult = {
      ...result,
      identification: {
        ...result.identification,
        effectiveDate: { value: "2021-02-30", display: "February 30, 2021", evidence },
      },
      term: {
        ...result.term,
        expirationDate: { value: "next year", display: "next year", evidence },
        renewalTerm: { value: "PT12H", display: "12 hours", evidence, automatic: true },
      },
    };
    const terms = deriveContractTerms(junk);
    expect(terms.effectiveDate).toBeNull();
    expect(terms.expirationDate).toBeNull();
    expect(terms.expirationEstimated).toBe(false);
    expect(terms.renewalTerm).toBeNull();
  });

  it("classifies a generically titled contract from its parties' roles", async () => {
    const result = await sample([
      'AGREEMENT made as of January 5, 2022 between Northwind Properties LLC ("Landlord") and Contoso Ltd. ("Tenant").',
    ]);
    expect(result.identification.parties.map((p) => p.role)).toEqual(["Landlord", "Tenant"]);
    expect(classifyContractType(result)).toBe("lease");
  });
});
