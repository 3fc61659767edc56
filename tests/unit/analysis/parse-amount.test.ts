import { describe, expect, it } from "vitest";
import { findAmounts } from "@/lib/analysis/parse/parse-amount";

describe("findAmounts", () => {
  it.each([
    ["a fee of $1,000,000 payable", "1000000", "USD"],
    ["US$ 5.5 million", "5500000", "USD"],
    ["EUR 10,000", "10000", "EUR"],
    ["€250.50 per unit", "250.50", "EUR"],
    ["100,002 Euros", "100002", "EUR"],
    ["RMB 1,000,000", "1000000", "CNY"],
    ["£75", "75", "GBP"],
  ])("reads %s", (text, value, currency) => {
    const [amount] = findAmounts(text, "USD");
    expect(amount?.value).toBe(value);
    expect(amount?.currency).toBe(currency);
  });

  it("leaves a bare $ without a currency when the document is not in US dollars", () => {
    expect(findAmounts("$500", null)[0]?.currency).toBeNull();
  });

  it("ignores par values with more than two decimals and redactions", () => {
    expect(findAmounts("par value $0.0001 per share; fee of $[***]", "USD")).toEqual([]);
  });
});
