import { describe, expect, it } from "vitest";
import { looksLikeName, roleFromDefinedTerm } from "@/lib/analysis/extract/party-names";

describe("looksLikeName", () => {
  it("refuses a form's blank left for the name", () => {
    expect(looksLikeName("AGREED TO BY: <<enter Company Name>>")).toBe(false);
    expect(looksLikeName("[Customer Name]")).toBe(false);
    expect(looksLikeName("Bank of America, N.A.")).toBe(true);
  });
});

describe("roleFromDefinedTerm", () => {
  it("takes a role named in the plural, for a side made of several persons", () => {
    expect(roleFromDefinedTerm("Partners")).toBe("Partners");
    expect(roleFromDefinedTerm("INVESTORS")).toBe("Investors");
    expect(roleFromDefinedTerm("Products")).toBeNull();
  });
});
