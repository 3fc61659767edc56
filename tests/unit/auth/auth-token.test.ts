import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashAuthToken, looksLikeAuthToken, newAuthToken } from "@/lib/auth/auth-token";

describe("mailed-link tokens", () => {
  it("are 32 random bytes, url-safe, and never the same twice", () => {
    const tokens = Array.from({ length: 50 }, newAuthToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(looksLikeAuthToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("are stored as their hex SHA-256, which does not contain the token", () => {
    const token = newAuthToken();
    const stored = hashAuthToken(token);
    expect(stored).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAuthToken(`${token}x`)).not.toBe(stored);
  });

  it("refuses what no link carries before asking the database", () => {
    for (const value of ["", "abc", `${newAuthToken()}=`, "a".repeat(44), "a b".repeat(15)]) {
      expect(looksLikeAuthToken(value), JSON.stringify(value)).toBe(false);
    }
  });
});
