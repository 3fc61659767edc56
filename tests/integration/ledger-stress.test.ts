import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The randomized ledger proof (tests/stress/ledger-stress.ts) at a small, fixed size: its own
 * database and queue prefix, real Postgres, connections killed mid-transaction. The larger run is
 * `npm run stress:ledger -- --users 50 --ops 5000`.
 */
describe("credit ledger under concurrency, retries and crashes", () => {
  // Concurrency cannot be replayed exactly, so one retry; both attempts' output stays on disk.
  it("stays balanced and matches the test's own model (seed 20261122)", { retry: 1 }, () => {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "tests/stress/ledger-stress.ts",
        "--seed",
        "20261122",
        "--users",
        "10",
        "--ops",
        "500",
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    // Every attempt's full output is kept, so a failure that a retry passes is still on record.
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(`test-results/ledger-stress-${Date.now()}.log`, output);
    expect(output, output).toMatch(/^ledger-stress: seed=20261122 /m);
    expect(output, output).toMatch(/model matches; ledger: 10 users, \d+ entries, 0 violations$/m);
    expect(output).toMatch(/crashed by [1-9]\d* connection kills/);
    expect(run.status, output).toBe(0);
  });
});
