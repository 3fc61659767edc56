import { describe, expect, it } from "vitest";
import {
  createNonce,
  pageContentSecurityPolicy,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

describe("security headers", () => {
  it("HSTS only for an https app origin", () => {
    expect(strictTransportSecurity("https://clauseflow.example.com")).toBe(
      "max-age=63072000; includeSubDomains",
    );
    expect(strictTransportSecurity("http://localhost:3000")).toBe(null);
    expect(strictTransportSecurity(undefined)).toBe(null);
  });

  it("a page CSP allows scripts and styles only with the request's nonce", () => {
    const csp = directives(pageContentSecurityPolicy({ nonce: "abc123", dev: false, https: true }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("img-src")).toBe("'self' data: blob:");
    expect(csp.get("connect-src")).toBe("'self'");
    // pdf.js's worker, served by the app itself; never blob: workers.
    expect(csp.get("worker-src")).toBe("'self'");
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(csp.get("style-src-attr")).toBe("'unsafe-inline'");
    for (const [name, value] of csp) {
      if (name !== "style-src-attr") expect(value, name).not.toContain("unsafe");
    }
  });

  it("development alone gets eval (React refresh) and inline styles; http no upgrade", () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it("nonces are fresh and 128 bits", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });
});
