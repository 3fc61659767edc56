import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * A small `npm run chaos`: real workers SIGKILLed, Redis SIGKILLed and restarted on its AOF data,
 * a worker frozen past its lock — every analysis still ends, none lost, none charged twice.
 * The large run is `npm run chaos -- --jobs 500`.
 */
describe("jobs survive crashes, restarts and lost connections", () => {
  // Timing-dependent by nature, so one retry; both attempts' output stays on disk.
  it("loses nothing, charges nothing twice and leaves nothing stuck", {
    retry: 1,
    timeout: 320_000,
  }, () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "tests/chaos/chaos.ts",
        "--jobs",
        "30",
        "--workers",
        "3",
        "--seed",
        "20261122",
      ],
      { encoding: "utf8", timeout: 300_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    // Every attempt's full output is kept, so a failure that a retry passes is still on record.
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(`test-results/chaos-${Date.now()}.log`, output);
    const last = run.stdout.trim().split("\n").at(-1) ?? "";
    expect(last, output).toMatch(
      /^chaos: 30 jobs, [1-9]\d* kills, [1-9]\d* redis restarts, [1-9]\d* stalls — lost 0, double-charged 0, stuck 0$/,
    );
    expect(output).toMatch(/ledger: \d+ users, \d+ entries, 0 violations/);
    expect(run.status, output).toBe(0);
  });
});
