import { describe, expect, it } from "vitest";
import { gatedChunkDelayMs } from "@/lib/admission/chunk-gate";
import { interleave } from "@/lib/admission/interleave";

describe("interleave", () => {
  it("serves users in turn, each in their own order", () => {
    expect(interleave([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]])).toEqual([
      "a1",
      "b1",
      "c1",
      "a2",
      "c2",
      "a3",
    ]);
    expect(interleave([])).toEqual([]);
  });
});

describe("gatedChunkDelayMs", () => {
  it("asks again soon when few chunks wait, less often when many do, never over the cap", () => {
    expect(gatedChunkDelayMs(1, 2, 0)).toBe(500);
    expect(gatedChunkDelayMs(0, 2, 0)).toBe(500);
    expect(gatedChunkDelayMs(6, 2, 0)).toBe(1_500);
    expect(gatedChunkDelayMs(298, 2, 0)).toBe(10_000);
    // Jitter adds up to half.
    expect(gatedChunkDelayMs(298, 2, 1)).toBe(15_000);
  });
});
