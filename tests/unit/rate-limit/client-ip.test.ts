import { describe, expect, it } from "vitest";
import { formatWait } from "@/lib/rate-limit/format-wait";
import { pickClientIp } from "@/lib/rate-limit/pick-client-ip";
import { parseSignInRateLimit, signInRateLimitError } from "@/lib/rate-limit/sign-in-rate-limit";

describe("pickClientIp: X-Forwarded-For ends with the socket address (our Next patch)", () => {
  it("with no trusted proxy, is the socket address whatever the client wrote before it", () => {
    expect(pickClientIp("127.0.0.1", 0)).toBe("127.0.0.1");
    expect(pickClientIp("6.6.6.6, 7.7.7.7, 127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("with one trusted proxy, is the address that proxy appended, not what the client sent", () => {
    // client sent "6.6.6.6", the proxy appended the client's real 203.0.113.9, Next the proxy's.
    expect(pickClientIp("6.6.6.6, 203.0.113.9, 10.0.0.2", 1)).toBe("203.0.113.9");
    expect(pickClientIp("203.0.113.9,10.0.0.2", 1)).toBe("203.0.113.9");
  });

  it("falls back to the left-most entry when fewer hops than trusted proxies are present", () => {
    expect(pickClientIp("127.0.0.1", 2)).toBe("127.0.0.1");
  });

  it("treats an IPv4-mapped IPv6 socket address as the IPv4 client, and no header as unknown", () => {
    expect(pickClientIp("::ffff:192.0.2.7", 0)).toBe("192.0.2.7");
    expect(pickClientIp("2001:db8::1", 0)).toBe("2001:db8::1");
    expect(pickClientIp(null, 0)).toBe("unknown");
    expect(pickClientIp(" , ", 0)).toBe("unknown");
  });
});

describe("a locked sign-in's wait", () => {
  it("travels through next-auth's error string and back", () => {
    expect(parseSignInRateLimit(signInRateLimitError(119.2))).toBe(120);
    expect(parseSignInRateLimit("CredentialsSignin")).toBeNull();
    expect(parseSignInRateLimit(null)).toBeNull();
  });

  it("reads as seconds, minutes or hours, rounded up", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(45)).toBe("45 seconds");
    expect(formatWait(60)).toBe("1 minute");
    expect(formatWait(61)).toBe("2 minutes");
    expect(formatWait(3_600)).toBe("1 hour");
    expect(formatWait(86_400)).toBe("24 hours");
  });
});
