import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * `npm test`: every check. Stops at the first failing stage and ends with one plain line
 * `tests: N passed, M failed` counted from the runners' JSON reports.
 *
 * Stages start as soon as the stages they need have passed, so independent ones overlap: on two
 * cores `tsc` (one thread) and the unit tests (one vitest worker there) run side by side, and the
 * build starts once the types are checked (it skips its own check of the same files then, and
 * `next build` clears `.next`, where `next typegen` wrote the route types `tsc` reads).
 * `TEST_SERIAL=1` runs the stages one by one; `TEST_E2E_ALONGSIDE=1` starts e2e with integration. A stage's output is shown as it comes while it
 * is the only one printing, otherwise in one block when it ends.
 */
type Stage = {
  name: string;
  /** Commands run one after the other; the stage fails at the first that fails. */
  commands: string[][];
  needs: string[];
  env?: Record<string, string>;
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
const vitest = (project: string) => [
  bin("vitest"),
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reports}/${project}.json`,
];

const only = process.argv.slice(2);
const serial = process.env.TEST_SERIAL === "1";
const allStages: Stage[] = [
  { name: "lint", commands: [[bin("biome"), "check", "--error-on-warnings", "."]], needs: [] },
  {
    name: "typecheck",
    // Route types first (`.next/types`, as the build would write them), so `tsc` checks the pages'
    // and routes' exports against what Next expects, exactly as `next build`'s own check does.
    commands: [
      [bin("next"), "typegen"],
      [bin("tsc"), "--noEmit"],
    ],
    needs: [],
  },
  {
    name: "unit",
    commands: [vitest("unit")],
    needs: [],
    report: { file: `${reports}/unit.json`, count: vitestCounts },
  },
  {
    name: "build",
    // From scratch, as on a clean clone: a build over an earlier `.next` (and the `next dev` of
    // the Ctrl-C test) once left out the links to server-external packages (postgres, tinypool)
    // and every page answered 500.
    commands: [
      [
        process.execPath,
        "-e",
        "require('node:fs').rmSync('.next', { recursive: true, force: true })",
      ],
      [bin("next"), "build"],
    ],
    needs: ["typecheck"],
    // The typecheck stage has passed (or this stage never starts): see next.config.mjs.
    env: { CLAUSEFLOW_TYPES_CHECKED: "1" },
  },
  {
    name: "integration",
    commands: [vitest("integration")],
    needs: ["lint", "typecheck", "unit", "build"],
    report: { file: `${reports}/integration.json`, count: vitestCounts },
  },
  {
    name: "e2e",
    commands: [[bin("playwright"), "test"]],
    // Its own server beside the integration stacks with `TEST_E2E_ALONGSIDE=1`: those files
    // mostly wait, but both suites have timing-sensitive steps, so it is not the default yet.
    needs:
      process.env.TEST_E2E_ALONGSIDE === "1"
        ? ["lint", "typecheck", "unit", "build"]
        : ["integration"],
    report: { file: `${reports}/e2e.json`, count: playwrightCounts },
  },
];
// With a subset (`npm test -- build e2e`), a stage waits for the chosen stages it needs, directly
// or through stages left out (e2e → integration → build: e2e waits for the build); the build keeps
// checking types itself unless the typecheck stage runs too.
const chosenNames = new Set(
  allStages.map((s) => s.name).filter((n) => only.length === 0 || only.includes(n)),
);
const chosenNeeds = (name: string): string[] =>
  (allStages.find((s) => s.name === name)?.needs ?? []).flatMap((n) =>
    chosenNames.has(n) ? [n] : chosenNeeds(n),
  );
const stages = allStages
  .filter((s) => chosenNames.has(s.name))
  .map((s, i, chosen) => ({
    ...s,
    needs: serial ? chosen.slice(0, i).map((c) => c.name) : [...new Set(chosenNeeds(s.name))],
    env: s.name === "build" && !chosen.some((c) => c.name === "typecheck") ? undefined : s.env,
  }));

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const timings = new Map<string, string>();
const passed = new Set<string>();
const running = new Map<string, ChildProcess>();
let failedStage: string | null = null;
let printer: string | null = null; // the stage whose output goes straight to the terminal
const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

/** Runs one command in its own process group (so a failure elsewhere can stop all of it). */
function runCommand(stage: Stage, command: string[], write: (chunk: Buffer) => void) {
  return new Promise<number>((resolve) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: {
        ...process.env,
        ...stage.env,
        ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: "1" } : {}),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.set(stage.name, child);
    child.stdout.on("data", write);
    child.stderr.on("data", write);
    child.once("error", (error) => {
      write(Buffer.from(`${error.message}\n`));
      resolve(1);
    });
    child.once("close", (code, signal) => {
      running.delete(stage.name);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function runStage(stage: Stage): Promise<boolean> {
  const header = `\n=== ${stage.name}: ${stage.commands
    .map((c) => c.map((part) => path.basename(part)).join(" "))
    .join(" && ")}\n`;
  const held: Buffer[] = [];
  if (printer === null) printer = stage.name;
  if (printer === stage.name) process.stdout.write(header);
  else held.push(Buffer.from(header));
  const write = (chunk: Buffer) => {
    if (printer === stage.name) process.stdout.write(chunk);
    else held.push(chunk);
  };
  if (stage.report) fs.rmSync(stage.report.file, { force: true });
  const begun = Date.now();
  let code = 0;
  for (const command of stage.commands) {
    code = await runCommand(stage, command, write);
    if (code !== 0 || failedStage) break;
  }
  timings.set(stage.name, seconds(begun));
  if (printer === stage.name) printer = null;
  else process.stdout.write(Buffer.concat(held));
  if (stage.report && fs.existsSync(stage.report.file)) {
    const counts = stage.report.count(JSON.parse(fs.readFileSync(stage.report.file, "utf8")));
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return code === 0;
}

function stopAll(signal: NodeJS.Signals) {
  for (const child of running.values()) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

// The stages run in their own process groups, so Ctrl-C reaches them only through us.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll(signal);
    console.log(`\n=== stopped by ${signal}`);
    process.exit(130);
  });
}

const pending = new Map(stages.map((s) => [s.name, s]));
const inFlight = new Set<Promise<void>>();
while (!failedStage && (pending.size > 0 || inFlight.size > 0)) {
  for (const stage of [...pending.values()]) {
    if (!stage.needs.every((n) => passed.has(n))) continue;
    pending.delete(stage.name);
    const run: Promise<void> = runStage(stage).then((ok) => {
      inFlight.delete(run);
      if (ok) passed.add(stage.name);
      else if (!failedStage) {
        failedStage = stage.name;
        stopAll("SIGTERM");
      }
    });
    inFlight.add(run);
  }
  if (inFlight.size === 0) break; // nothing can start: a needed stage did not pass
  await Promise.race(inFlight);
}
await Promise.all(inFlight);

if (failedStage && total.failed === 0) total.failed = 1; // lint, typecheck, build or a crash
const order = stages.map((s) => s.name).filter((n) => timings.has(n));
console.log(
  `\n=== timings: ${order.map((n) => `${n} ${timings.get(n)}`).join(", ")}; total ${seconds(started)}${serial ? " (serial)" : ""}`,
);
if (failedStage) console.log(`=== FAILED at stage: ${failedStage}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
