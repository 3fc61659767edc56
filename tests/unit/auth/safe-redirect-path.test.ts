import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect-path";

describe("safeRedirectPath: where a sign-in may send the user", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirectPath("/credits")).toBe("/credits");
    expect(safeRedirectPath("/admin/analyses?status=failed#top")).toBe(
      "/admin/analyses?status=failed#top",
    );
  });

  it("refuses other sites, protocol-relative and backslash tricks", () => {
    for (const raw of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "credits",
    ]) {
      expect(safeRedirectPath(raw), raw).toBeNull();
    }
  });

  it("never sends back to the auth pages or an API", () => {
    for (const raw of ["/signin", "/signup?x=1", "/api/analyses", "/api"]) {
      expect(safeRedirectPath(raw), raw).toBeNull();
    }
    expect(safeRedirectPath("/signing-off")).toBe("/signing-off");
    expect(safeRedirectPath("")).toBeNull();
    expect(safeRedirectPath(null)).toBeNull();
  });
});
