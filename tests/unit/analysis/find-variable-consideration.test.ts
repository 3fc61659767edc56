import { describe, expect, it } from "vitest";
import { findVariableConsideration } from "@/lib/analysis/extract/find-variable-consideration";
import { scanText } from "./scan-text";

const kinds = (text: string) => findVariableConsideration(scanText(text)).map((s) => s.kind);

describe("findVariableConsideration", () => {
  it("reads counted caps as volume restrictions", () => {
    expect(kinds("The Association will share up to three (3) social media posts.")).toEqual([
      "volume_restriction",
    ]);
    expect(
      kinds(
        "Xencor's obligations shall not exceed an aggregate of [***] ([***]) full-time equivalent hours.",
      ),
    ).toEqual(["volume_restriction"]);
  });

  it("does not read periods of time or a single copy as volume caps", () => {
    expect(kinds("Payment is due no more than thirty (30) days after invoice.")).toEqual([]);
    expect(kinds("Licensee shall install no more than one (1) copy on each system.")).toEqual([]);
  });

  it("reads forecast bands and capped deliverables", () => {
    expect(
      kinds(
        "Provided that the order does not deviate from the applicable Forecast by more than 10%.",
      ),
    ).toEqual(["volume_restriction"]);
    expect(kinds("VerticalNet shall provide up to $50,000 worth of Banner placements.")).toEqual([
      "volume_restriction",
    ]);
  });

  it("reads index-linked prices as price restrictions", () => {
    expect(
      kinds(
        "The Base Fee must be increased or decreased in accordance with the change in the CPI.",
      ),
    ).toEqual(["price_restriction"]);
  });

  it("ignores royalties named in a statute", () => {
    expect(
      kinds(
        "As permitted for sponsorship payments and royalties under Section 513(i) of the Code.",
      ),
    ).toEqual([]);
    expect(kinds("Licensee shall pay a royalty of 5% of Net Sales.")).toContain("royalty");
  });

  it("quotes each kind once per sentence", () => {
    const signals = findVariableConsideration(
      scanText("Orders shall not exceed ten (10) units in excess of the forecast by more than 5%."),
    );
    expect(signals.filter((s) => s.kind === "volume_restriction")).toHaveLength(1);
  });
});
