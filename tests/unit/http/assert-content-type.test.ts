import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertContentType, type BodyKind } from "@/lib/http/assert-content-type";

function check(method: string, contentType: string | null, accepts: BodyKind | BodyKind[]) {
  const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
  try {
    assertContentType(new Request("http://x/api", { method, headers }), accepts);
    return "ok";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.httpStatus} ${error.code}`;
  }
}

describe("assertContentType: a change carries the body its route reads", () => {
  it("JSON routes take application/json (any parameters, any case) and nothing else", () => {
    expect(check("POST", "application/json", "json")).toBe("ok");
    expect(check("PATCH", "Application/JSON; charset=utf-8", "json")).toBe("ok");
    // The bodies a cross-site <form> can send, and no body type at all.
    for (const type of [
      "text/plain",
      "text/plain;charset=UTF-8",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      null,
    ]) {
      expect(check("POST", type, "json"), String(type)).toBe("415 unsupported_media_type");
    }
  });

  it("the upload takes multipart/form-data only", () => {
    expect(check("POST", "multipart/form-data; boundary=----abc", "multipart")).toBe("ok");
    expect(check("POST", "application/json", "multipart")).toBe("415 unsupported_media_type");
    expect(check("POST", "text/plain", "multipart")).toBe("415 unsupported_media_type");
  });

  it("a bodyless route takes no Content-Type or JSON, not a form", () => {
    expect(check("POST", null, "none")).toBe("ok");
    expect(check("POST", "application/json", "none")).toBe("ok");
    expect(check("POST", "text/plain", "none")).toBe("415 unsupported_media_type");
  });

  it("several kinds: any of them (next-auth posts forms and JSON)", () => {
    expect(check("POST", "application/x-www-form-urlencoded", ["form", "json"])).toBe("ok");
    expect(check("POST", "application/json", ["form", "json"])).toBe("ok");
    expect(check("POST", "text/plain", ["form", "json"])).toBe("415 unsupported_media_type");
  });

  it("says what it accepts", () => {
    try {
      assertContentType(
        new Request("http://x/api", { method: "POST", headers: { "content-type": "text/plain" } }),
        "json",
      );
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).message).toBe(
        "This endpoint accepts application/json, not text/plain.",
      );
    }
  });

  it("never checks safe methods", () => {
    expect(check("GET", "text/plain", "json")).toBe("ok");
  });
});
