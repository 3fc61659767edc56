import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const parse = (extra: Record<string, string>) =>
  parseEnv({ NODE_ENV: "test", ...extra } as NodeJS.ProcessEnv);

function problems(extra: Record<string, string>): string {
  try {
    parse(extra);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the environment");
}

describe("CREDIT_PACKS: id:credits:price:currency, comma-separated", () => {
  it("parses packs in their order, prices in the smallest unit", () => {
    expect(
      parse({ CREDIT_PACKS: "starter:100:1000:usd, team-pack:500:4000:eur" }).CREDIT_PACKS,
    ).toEqual([
      { id: "starter", credits: 100, amount: 1000, currency: "usd" },
      { id: "team-pack", credits: 500, amount: 4000, currency: "eur" },
    ]);
  });

  it("defaults to two packs", () => {
    expect(parse({}).CREDIT_PACKS.map((p) => p.id)).toEqual(["starter", "team"]);
  });

  it("refuses malformed lists, zero credits or price, and a pack id used twice", () => {
    expect(problems({ CREDIT_PACKS: "starter:100:usd" })).toMatch(/id:credits:price:currency/);
    expect(problems({ CREDIT_PACKS: "Starter:100:1000:usd" })).toMatch(/CREDIT_PACKS/);
    expect(problems({ CREDIT_PACKS: "free:0:1000:usd" })).toMatch(/CREDIT_PACKS/);
    expect(problems({ CREDIT_PACKS: "free:10:0:usd" })).toMatch(/CREDIT_PACKS/);
    expect(problems({ CREDIT_PACKS: "a:10:100:usd,a:20:200:usd" })).toMatch(/own id/);
  });

  it("needs both Stripe keys or neither", () => {
    expect(problems({ STRIPE_SECRET_KEY: "sk_test_1" })).toMatch(/STRIPE_WEBHOOK_SECRET/);
    expect(problems({ STRIPE_WEBHOOK_SECRET: "whsec_1" })).toMatch(/STRIPE_WEBHOOK_SECRET/);
    expect(problems({ STRIPE_SECRET_KEY: "pk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" })).toMatch(
      /sk_/,
    );
    const both = parse({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" });
    expect(both.STRIPE_SECRET_KEY).toBe("sk_test_1");
  });
});
