import { describe, expect, it } from "vitest";
import { isNotModified, weakEtag } from "@/lib/http/etag";

const request = (ifNoneMatch?: string) =>
  new Request("http://x/", { headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });

describe("ETags for status polling", () => {
  const etag = weakEtag("2026-11-22T08:00:00.123Z-running");

  it("is a weak tag that survives any characters in the version", () => {
    expect(etag).toBe('W/"2026-11-22T08:00:00.123Z-running"');
    expect(weakEtag('a"b c')).toBe('W/"abc"');
  });

  it("matches the same tag (weak or strong form, in a list, or *) and nothing else", () => {
    expect(isNotModified(request(etag), etag)).toBe(true);
    expect(isNotModified(request('"2026-11-22T08:00:00.123Z-running"'), etag)).toBe(true);
    expect(isNotModified(request(`W/"old", ${etag}`), etag)).toBe(true);
    expect(isNotModified(request("*"), etag)).toBe(true);
    expect(isNotModified(request('W/"2026-11-22T08:00:01.000Z-running"'), etag)).toBe(false);
    expect(isNotModified(request(), etag)).toBe(false);
  });
});
