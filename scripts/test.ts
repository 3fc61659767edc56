import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm test`: every check, in order of cost. Stops at the first failing stage and ends with one
 * plain line `tests: N passed, M failed` counted from the runners' JSON reports.
 */
type Stage = {
  name: string;
  command: string[];
  report?: { file: string; count: (json: unknown) => Counts };
};
type Counts = { passed: number; failed: number; skipped: number };

const reports = path.resolve("test-results");
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.resolve("node_modules/.bin", name);

const vitestCounts = (json: unknown): Counts => {
  const r = json as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
};
const playwrightCounts = (json: unknown): Counts => {
  const s = (
    json as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }
  ).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
};

const only = process.argv.slice(2);
const stages: Stage[] = [
  { name: "lint", command: [bin("biome"), "check", "--error-on-warnings", "."] },
  { name: "typecheck", command: [bin("tsc"), "--noEmit"] },
  {
    name: "unit",
    command: [
      bin("vitest"),
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/unit.json`,
    ],
    report: { file: `${reports}/unit.json`, count: vitestCounts },
  },
  { name: "build", command: [bin("next"), "build"] },
  {
    name: "integration",
    command: [
      bin("vitest"),
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports}/integration.json`,
    ],
    report: { file: `${reports}/integration.json`, count: vitestCounts },
  },
  {
    name: "e2e",
    command: [bin("playwright"), "test"],
    report: { file: `${reports}/e2e.json`, count: playwrightCounts },
  },
].filter((s) => only.length === 0 || only.includes(s.name));

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings: string[] = [];
let failedStage: string | null = null;

for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.command.map((c) => path.basename(c)).join(" ")}`);
  if (stage.report) fs.rmSync(stage.report.file, { force: true });
  const started = Date.now();
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), {
    stdio: "inherit",
    env: process.env,
  });
  timings.push(`${stage.name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (stage.report && fs.existsSync(stage.report.file)) {
    const counts = stage.report.count(JSON.parse(fs.readFileSync(stage.report.file, "utf8")));
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  if (run.status !== 0) {
    failedStage = stage.name;
    if (total.failed === 0) total.failed = 1; // lint, typecheck, build or a crash: still a failure
    break;
  }
}

console.log(`\n=== timings: ${timings.join(", ")}`);
if (failedStage) console.log(`=== FAILED at stage: ${failedStage}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
