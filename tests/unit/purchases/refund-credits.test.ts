import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/purchases/format-money";
import { planRefund, refundedCreditsTotal } from "@/lib/purchases/refund-credits";

const pack = { credits: 100, amount: 1000 };

describe("refundedCreditsTotal: the credits a cumulative refund takes back", () => {
  it("is proportional, rounded down, and the whole pack for a full refund", () => {
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 0 })).toBe(0);
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 300 })).toBe(30);
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 9 })).toBe(0);
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 999 })).toBe(99);
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 1000 })).toBe(100);
    expect(refundedCreditsTotal({ credits: 7, amount: 300, amountRefunded: 100 })).toBe(2);
  });

  it("never exceeds the pack, whatever the charge says", () => {
    expect(refundedCreditsTotal({ ...pack, amountRefunded: 5000 })).toBe(100);
    expect(refundedCreditsTotal({ credits: 100, amount: 0, amountRefunded: 10 })).toBe(0);
  });
});

describe("planRefund: what one refund event changes after the earlier ones", () => {
  it("takes only the new part of the cumulative total", () => {
    expect(planRefund({ total: 30, alreadyRefunded: 0, alreadyShort: 0, available: 500 })).toEqual({
      take: 30,
      shortfall: 0,
    });
    expect(
      planRefund({ total: 100, alreadyRefunded: 30, alreadyShort: 0, available: 500 }),
    ).toEqual({ take: 70, shortfall: 0 });
  });

  it("changes nothing for a replay or an older refund delivered late", () => {
    expect(planRefund({ total: 30, alreadyRefunded: 30, alreadyShort: 0, available: 500 })).toEqual(
      { take: 0, shortfall: 0 },
    );
    expect(
      planRefund({ total: 50, alreadyRefunded: 100, alreadyShort: 0, available: 500 }),
    ).toEqual({ take: 0, shortfall: 0 });
    expect(planRefund({ total: 100, alreadyRefunded: 20, alreadyShort: 80, available: 0 })).toEqual(
      { take: 0, shortfall: 0 },
    );
  });

  it("never takes more than is available: the rest is a shortfall for an admin", () => {
    expect(planRefund({ total: 100, alreadyRefunded: 0, alreadyShort: 0, available: 20 })).toEqual({
      take: 20,
      shortfall: 80,
    });
    expect(planRefund({ total: 100, alreadyRefunded: 0, alreadyShort: 0, available: -5 })).toEqual({
      take: 0,
      shortfall: 100,
    });
  });

  it("ends at the same totals whatever order partial refunds arrive in", () => {
    const apply = (totals: number[], available: number) => {
      let refunded = 0;
      let short = 0;
      let left = available;
      for (const total of totals) {
        const { take, shortfall } = planRefund({
          total,
          alreadyRefunded: refunded,
          alreadyShort: short,
          available: left,
        });
        refunded += take;
        short += shortfall;
        left -= take;
      }
      return { refunded, short };
    };
    expect(apply([30, 60, 100], 1000)).toEqual({ refunded: 100, short: 0 });
    expect(apply([100, 30, 60], 1000)).toEqual({ refunded: 100, short: 0 });
    expect(apply([60, 100, 30, 60], 1000)).toEqual({ refunded: 100, short: 0 });
  });
});

describe("formatMoney", () => {
  it("reads the smallest unit of each currency", () => {
    expect(formatMoney(1000, "usd")).toBe("$10.00");
    expect(formatMoney(4050, "eur")).toBe("€40.50");
    expect(formatMoney(500, "jpy")).toBe("¥500");
  });
});
