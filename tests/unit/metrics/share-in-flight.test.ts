import { describe, expect, it } from "vitest";
import { shareInFlight } from "@/lib/metrics/share-in-flight";

describe("shareInFlight", () => {
  it("runs the read once for callers that arrive while it is in flight", async () => {
    let calls = 0;
    let release: (value: number) => void = () => {};
    const read = shareInFlight(() => {
      calls++;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    });
    const first = read();
    const second = read();
    release(42);
    expect(await Promise.all([first, second])).toEqual([42, 42]);
    expect(calls).toBe(1);
  });

  it("reads again once the previous read has settled, also after a failure", async () => {
    let calls = 0;
    const read = shareInFlight(async () => {
      calls++;
      if (calls === 1) throw new Error("down");
      return calls;
    });
    await expect(read()).rejects.toThrow("down");
    expect(await read()).toBe(2);
    expect(await read()).toBe(3);
  });
});
