import { describe, expect, it } from "vitest";
import { parsePartyNames } from "@/scripts/eval/parse-party-names";
import { readCuadLabels } from "@/scripts/eval/read-cuad-labels";
import { selectHalf } from "@/scripts/eval/select-half";

const HEADER = [
  "Filename",
  "pdf_file",
  "txt_file",
  "Parties-Answer",
  "Agreement Date-Answer",
  "Effective Date-Answer",
  "Expiration Date-Answer",
  "Renewal Term-Answer",
  "Notice Period To Terminate Renewal- Answer",
  "Governing Law-Answer",
  "Revenue/Profit Sharing-Answer",
  "Price Restrictions-Answer",
  "Minimum Commitment-Answer",
  "Volume Restriction-Answer",
].join(",");

describe("readCuadLabels", () => {
  it("reads CUAD's answer columns, whatever their spacing", () => {
    const csv = `${HEADER}\nx,B.pdf,B.txt,"Corio Inc. (""CORIO""); Commerce One, Inc.",10/29/99,,10/29/04,successive 1 year,30 days,California,Yes,No,No,Yes\n`;
    const [label] = readCuadLabels(csv);
    expect(label).toEqual({
      pdfFile: "B.pdf",
      txtFile: "B.txt",
      answers: {
        parties: 'Corio Inc. ("CORIO"); Commerce One, Inc.',
        exact: {
          governing_law: "California",
          agreement_date: "10/29/99",
          effective_date: "",
          expiration_date: "10/29/04",
          renewal_term: "successive 1 year",
          notice_period: "30 days",
        },
        flags: {
          revenue_profit_sharing: "Yes",
          price_restrictions: "No",
          minimum_commitment: "No",
          volume_restriction: "Yes",
        },
      },
    });
  });

  it("names a missing column", () => {
    expect(() => readCuadLabels("pdf_file,txt_file\n")).toThrow(/Parties-Answer/);
  });
});

describe("parsePartyNames", () => {
  it("drops defined terms and asides", () => {
    expect(
      parsePartyNames(
        'Twentieth Century Fox Licensing & Merchandising ("Fox"); Sorrent, Inc ("Licensee")("parties" and each individually as a "party)',
      ),
    ).toEqual(["Twentieth Century Fox Licensing & Merchandising", "Sorrent, Inc"]);
    expect(
      parsePartyNames(
        'Holiday RV Superstores, Inc. d/b/a Recreation USA ("Company"); Affinity Group, Inc. ("AGI"); Company and AGI (each a "Party" and collectively the "Parties")',
      ),
    ).toEqual(["Holiday RV Superstores, Inc. d/b/a Recreation USA", "Affinity Group, Inc."]);
  });

  it("splits only outside parentheses and brackets", () => {
    expect(
      parsePartyNames(
        'Pretzel Time, Inc. ("Pretzel Time"; "FRANCHISOR"); Gulf India Ltd ("Gulf India"), for Section 1(c)[Confidentiality; Non-solicitation]',
      ),
    ).toEqual(["Pretzel Time, Inc.", "Gulf India Ltd"]);
  });

  it("keeps capitalized parentheses and unwraps a wrapped answer", () => {
    expect(
      parsePartyNames('(BANK OF SOUTH PACIFIC LIMITED ("BSP"); DATEC (PNG) LIMITED ("Datec"))'),
    ).toEqual(["BANK OF SOUTH PACIFIC LIMITED", "DATEC (PNG) LIMITED"]);
    expect(
      parsePartyNames('AHF Holding, Inc. (formerly known as Tarzan HoldCo, Inc.)("Buyer")'),
    ).toEqual(["AHF Holding, Inc."]);
  });
});

describe("selectHalf", () => {
  const label = (pdfFile: string) => ({
    pdfFile,
    txtFile: "",
    answers: { parties: "", exact: {}, flags: {} },
  });
  const labels = ["d.pdf", "a.pdf", "c.pdf", "b.pdf"].map(label) as unknown as Parameters<
    typeof selectHalf
  >[0];

  it("alternates by sorted file name", () => {
    expect(selectHalf(labels, "dev").map((l) => l.pdfFile)).toEqual(["a.pdf", "c.pdf"]);
    expect(selectHalf(labels, "held-out").map((l) => l.pdfFile)).toEqual(["b.pdf", "d.pdf"]);
    expect(selectHalf(labels, "all")).toHaveLength(4);
  });
});
