import { describe, expect, it } from "vitest";
import { estimateQueueStart, type QueueEstimateInput } from "@/lib/analyses/queue-estimate";

const base: QueueEstimateInput = {
  admitted: false,
  yoursAhead: 0,
  aheadInLine: null,
  limit: 2,
  capacity: 2,
  typicalSeconds: 60,
};

describe("estimateQueueStart", () => {
  it("gives no estimate without a live worker, whatever was measured", () => {
    expect(estimateQueueStart({ ...base, capacity: 0 })).toEqual({
      startsInSeconds: null,
      basis: "no_worker",
    });
  });

  it("gives no estimate before anything has finished", () => {
    expect(estimateQueueStart({ ...base, typicalSeconds: null })).toEqual({
      startsInSeconds: null,
      basis: "no_measurement",
    });
  });

  it("not admitted, its user's slots full: half a duration until one of them frees", () => {
    expect(estimateQueueStart({ ...base, yoursAhead: 2 }).startsInSeconds).toBe(30);
  });

  it("not admitted: counts its user's rounds, `limit` analyses a round", () => {
    // 5 ahead, 2 slots: 4 must finish first → 2 rounds → 1.5 durations.
    expect(estimateQueueStart({ ...base, yoursAhead: 5 }).startsInSeconds).toBe(90);
    // 6 ahead: 5 must finish → 3 rounds.
    expect(estimateQueueStart({ ...base, yoursAhead: 6 }).startsInSeconds).toBe(150);
    // Limit 1: every analysis ahead is a round.
    expect(estimateQueueStart({ ...base, limit: 1, yoursAhead: 3 }).startsInSeconds).toBe(150);
  });

  it("not admitted but a slot is free: about to be admitted, no rounds to wait", () => {
    expect(estimateQueueStart({ ...base, yoursAhead: 1 })).toEqual({
      startsInSeconds: 0,
      basis: "measured",
    });
  });

  it("admitted: the line ahead drains through the live workers' capacity", () => {
    const admitted = { ...base, admitted: true, yoursAhead: 2 };
    expect(estimateQueueStart({ ...admitted, aheadInLine: 0 }).startsInSeconds).toBe(30);
    expect(estimateQueueStart({ ...admitted, aheadInLine: 1 }).startsInSeconds).toBe(30);
    expect(estimateQueueStart({ ...admitted, aheadInLine: 2 }).startsInSeconds).toBe(90);
    expect(estimateQueueStart({ ...admitted, aheadInLine: 7, capacity: 4 }).startsInSeconds).toBe(
      90,
    );
  });

  it("without a per-user limit it is judged by the line alone", () => {
    expect(
      estimateQueueStart({ ...base, limit: null, yoursAhead: 40, aheadInLine: 4 }).startsInSeconds,
    ).toBe(150);
  });
});
