import { describe, expect, it } from "vitest";
import { planChunks } from "@/lib/jobs/plan-chunks";

describe("planChunks", () => {
  it("covers every page exactly once by owned ranges, reading one page into the next chunk", () => {
    const plan = planChunks(95, 40);
    expect(plan).toEqual([
      { chunkIndex: 0, firstPage: 1, lastPage: 41, ownedPages: 40 },
      { chunkIndex: 1, firstPage: 41, lastPage: 81, ownedPages: 40 },
      { chunkIndex: 2, firstPage: 81, lastPage: 95, ownedPages: 15 },
    ]);
    expect(plan.reduce((sum, c) => sum + c.ownedPages, 0)).toBe(95);
  });

  it("makes one chunk of a short document and handles exact multiples", () => {
    expect(planChunks(7, 40)).toEqual([
      { chunkIndex: 0, firstPage: 1, lastPage: 7, ownedPages: 7 },
    ]);
    const plan = planChunks(80, 40);
    expect(plan.map((c) => [c.firstPage, c.lastPage])).toEqual([
      [1, 41],
      [41, 80],
    ]);
  });

  it("plans a 500-page document into 13 chunks of 40", () => {
    const plan = planChunks(500, 40);
    expect(plan).toHaveLength(13);
    expect(plan.at(-1)).toEqual({ chunkIndex: 12, firstPage: 481, lastPage: 500, ownedPages: 20 });
  });

  it("refuses nonsense sizes", () => {
    expect(() => planChunks(0, 40)).toThrow(RangeError);
    expect(() => planChunks(10, 0)).toThrow(RangeError);
  });
});
