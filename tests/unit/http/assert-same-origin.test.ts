import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";

const APP = ["https://app.example.com"];

function request(method: string, headers: Record<string, string>) {
  return new Request("https://app.example.com/api/analyses", { method, headers });
}

function refusal(fn: () => void): AppError | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("assertSameOrigin: the browser's own word on where a change comes from", () => {
  it("lets same-origin and user-typed requests through", () => {
    for (const site of ["same-origin", "none"]) {
      expect(
        refusal(() => assertSameOrigin(request("POST", { "sec-fetch-site": site }), APP)),
      ).toBe(null);
    }
  });

  it("refuses cross-site and same-site (a sibling subdomain or another port) with 403 cross_origin", () => {
    for (const site of ["cross-site", "same-site"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const error = refusal(() =>
          assertSameOrigin(request(method, { "sec-fetch-site": site }), APP),
        );
        expect(error?.code, `${method} ${site}`).toBe("cross_origin");
        expect(error?.httpStatus).toBe(403);
      }
    }
  });

  it("trusts Sec-Fetch-Site over Origin when both are sent", () => {
    const headers = { "sec-fetch-site": "same-site", origin: "https://app.example.com" };
    expect(refusal(() => assertSameOrigin(request("POST", headers), APP))?.code).toBe(
      "cross_origin",
    );
  });

  it("without Sec-Fetch-Site, compares Origin with the app's origins", () => {
    expect(
      refusal(() => assertSameOrigin(request("POST", { origin: "https://app.example.com" }), APP)),
    ).toBe(null);
    for (const origin of [
      "https://evil.example.com",
      "https://app.example.com:8443",
      "http://app.example.com",
      "null",
    ]) {
      expect(refusal(() => assertSameOrigin(request("POST", { origin }), APP))?.code, origin).toBe(
        "cross_origin",
      );
    }
  });

  it("with no configured origin, compares Origin with the request's Host", () => {
    const req = (origin: string) =>
      new Request("http://127.0.0.1:3000/api/users", {
        method: "POST",
        headers: { origin, host: "127.0.0.1:3000" },
      });
    expect(refusal(() => assertSameOrigin(req("http://127.0.0.1:3000"), []))).toBe(null);
    expect(refusal(() => assertSameOrigin(req("http://127.0.0.1:3001"), []))?.code).toBe(
      "cross_origin",
    );
  });

  it("lets non-browser clients (neither header) and safe methods through", () => {
    expect(refusal(() => assertSameOrigin(request("POST", {}), APP))).toBe(null);
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        refusal(() => assertSameOrigin(request(method, { "sec-fetch-site": "cross-site" }), APP)),
      ).toBe(null);
    }
  });
});
