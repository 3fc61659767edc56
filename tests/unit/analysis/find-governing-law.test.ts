import { describe, expect, it } from "vitest";
import { findGoverningLaw } from "@/lib/analysis/extract/find-governing-law";
import { scanText } from "./scan-text";

const law = (text: string) => findGoverningLaw(scanText(text)).value;

describe("findGoverningLaw", () => {
  it("reads the state when federal and state law are named together", () => {
    expect(
      law(
        "This Agreement shall be governed in all respects by the laws of the United States and the State of Florida, except for conflict of laws provisions.",
      ),
    ).toBe("Florida");
    expect(
      law(
        "This Agreement is governed by the federal laws of the United States and the laws of the State of Texas.",
      ),
    ).toBe("Texas");
    expect(
      law("This Agreement shall be governed by the laws of the United States of America."),
    ).toBe("United States");
  });

  it("reads a clause that requires or submits to a jurisdiction's laws", () => {
    expect(
      law("The Master Franchise Agreement requires application of the laws of New York."),
    ).toBe("New York");
    expect(law("This Agreement shall be subject to the laws of Israel.")).toBe("Israel");
  });

  it("reads the laws in force in a country", () => {
    expect(law("This Agreement shall be governed by the laws in force in England and Wales.")).toBe(
      "England and Wales",
    );
  });

  it("prefers the governing-law clause over the forum", () => {
    expect(
      law(
        "The courts of the State of New York shall have jurisdiction. This Agreement shall be governed by and construed in accordance with the laws of the State of Delaware.",
      ),
    ).toBe("Delaware");
  });

  it("falls back to the chosen courts only when there is no choice-of-law clause", () => {
    const finding = findGoverningLaw(
      scanText(
        "Any lawsuit relating to any matter arising under this Agreement may be initiated in a State or Federal Court located in the Commonwealth of Massachusetts or in any court in the Netherlands having jurisdiction over the matter.",
      ),
    );
    expect(finding.value).toBe("Massachusetts");
    expect(finding.display).toContain("no governing-law clause");
    expect(
      law(
        "Each party submits to the jurisdiction of the courts of the State of New York. This Agreement is governed by the laws of England.",
      ),
    ).toBe("England");
    expect(law("The parties shall meet to resolve any dispute in good faith.")).toBeNull();
  });

  it("reads 'New York State law', 'the State of New York's laws' and 'the laws of, the State of'", () => {
    expect(law("This Agreement shall be governed by New York State law.")).toBe("New York");
    expect(law("This Agreement shall be governed by the State of New York's laws.")).toBe(
      "New York",
    );
    expect(
      law(
        "This Agreement shall be deemed to have been made in, and shall be construed pursuant to the laws of, the State of New Jersey.",
      ),
    ).toBe("New Jersey");
  });

  it("reads a law that 'shall apply' to the agreement", () => {
    expect(law("The substantive law of the State of Ohio shall apply to this Agreement.")).toBe(
      "Ohio",
    );
  });

  it.each([
    [
      "This Agreement shall be governed by and construed in accordance with the laws of the State of New York.",
      "New York",
    ],
    [
      "This Agreement shall be governed by the laws of the State of California without regard to its conflicts of law principles.",
      "California",
    ],
    [
      "This Agreement and all disputes hereunder shall be subject to the laws of the State of Texas.",
      "Texas",
    ],
    [
      "This Agreement shall be interpreted under the laws of the Commonwealth of Pennsylvania.",
      "Pennsylvania",
    ],
    ["This Agreement is governed by the laws of England and Wales.", "England and Wales"],
    [
      "This Agreement shall be governed by and construed in accordance with the laws of the Hong Kong Special Administrative Region.",
      "Hong Kong",
    ],
    [
      "This Agreement shall be governed by the laws of the People’s Republic of China.",
      "People's Republic of China",
    ],
    [
      "The formation, validity, interpretation and performance of this Contract shall be governed by the laws of the PRC.",
      "People's Republic of China",
    ],
    [
      "This Agreement shall be governed by the laws of the Province of Ontario and the federal laws of Canada applicable therein.",
      "Ontario, Canada",
    ],
    ["This Agreement shall be governed by the laws of the Province of Québec.", "Quebec, Canada"],
    [
      "This Agreement shall be governed by German law, excluding the UN Convention on Contracts for the International Sale of Goods.",
      "Germany",
    ],
    [
      "This Agreement shall be governed by the laws of the Grand Duchy of Luxembourg.",
      "Luxembourg",
    ],
    [
      "This Agreement shall be governed by federal law and, to the extent not preempted, the laws of the State of Virginia.",
      "Virginia",
    ],
    ["Governing Law: State of New York.", "New York"],
    ["The parties agree that the laws of the State of Kansas shall control.", "Kansas"],
    [
      "Any question concerning this Agreement shall be resolved under the laws of the State of Utah.",
      "Utah",
    ],
    ["This agreement shall be governed by the laws of the Emirate of Dubai.", "Dubai"],
    [
      "This Agreement shall be governed by the internal laws (and not the law of conflicts) of the State of New York.",
      "New York",
    ],
    [
      "This Agreement shall be governed by the laws, without regard to conflict of laws principles, of the State of Oregon.",
      "Oregon",
    ],
    [
      "This Agreement shall be governed by the laws in effect in the State of Michigan.",
      "Michigan",
    ],
    ["This Agreement shall be governed by and construed under the State of Delaware.", "Delaware"],
    ["The laws of the State of Texas govern this Agreement.", "Texas"],
  ])("reads the governing law in %s", (text, name) => {
    expect(law(text)).toBe(name);
  });

  it.each([
    "Any dispute shall be finally settled by arbitration in accordance with the Rules of Arbitration of the International Chamber of Commerce.",
    "The Company is a corporation organized under the laws of the State of Delaware.",
    "Licensee shall comply with the export control laws of the United States.",
    "The Distribution Agreement, which is governed by the laws of the State of Ohio, remains in force.",
    "The arbitration shall be conducted under the UNCITRAL Arbitration Rules in London, England.",
    "The Supplier is incorporated in the State of Delaware.",
    "This Agreement shall be enforced by the courts of the State of Ohio.",
  ])("reads no governing law in %s", (text) => {
    expect(law(text)).toBeNull();
  });
});
