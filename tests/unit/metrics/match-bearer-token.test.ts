import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authorizeMetricsScrape } from "@/lib/metrics/authorize-metrics-scrape";
import { matchBearerToken } from "@/lib/metrics/match-bearer-token";

const token = "s3cret-metrics-token-0123456789";

describe("matchBearerToken", () => {
  it("accepts exactly `Bearer <token>`, the scheme in any case", () => {
    expect(matchBearerToken(`Bearer ${token}`, token)).toBe(true);
    expect(matchBearerToken(`bearer ${token}`, token)).toBe(true);
    expect(matchBearerToken(`BEARER  ${token} `, token)).toBe(true);
  });

  it("refuses a missing header, another scheme, a prefix, an extension or another token", () => {
    expect(matchBearerToken(null, token)).toBe(false);
    expect(matchBearerToken("", token)).toBe(false);
    expect(matchBearerToken(token, token)).toBe(false);
    expect(matchBearerToken(`Basic ${token}`, token)).toBe(false);
    expect(matchBearerToken(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(matchBearerToken(`Bearer ${token}x`, token)).toBe(false);
    expect(matchBearerToken(`Bearer ${token} extra`, token)).toBe(false);
    expect(matchBearerToken("Bearer another-token-of-some-length", token)).toBe(false);
  });

  it("never matches an empty expected token", () => {
    expect(matchBearerToken("Bearer ", "")).toBe(false);
    expect(matchBearerToken("Bearer x", "")).toBe(false);
  });
});

describe("authorizeMetricsScrape", () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return "ok";
    } catch (error) {
      return error instanceof AppError ? error.code : "other";
    }
  };

  it("answers 404 while no token is configured, whatever the caller sends", () => {
    expect(codeOf(() => authorizeMetricsScrape(`Bearer ${token}`, undefined))).toBe("not_found");
    expect(codeOf(() => authorizeMetricsScrape(null, ""))).toBe("not_found");
  });

  it("answers 401 to a wrong or missing token and lets the right one through", () => {
    expect(codeOf(() => authorizeMetricsScrape(null, token))).toBe("unauthenticated");
    expect(codeOf(() => authorizeMetricsScrape("Bearer nope", token))).toBe("unauthenticated");
    expect(codeOf(() => authorizeMetricsScrape(`Bearer ${token}`, token))).toBe("ok");
  });
});
