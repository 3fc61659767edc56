import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * `npm run bench`: the hot paths measured side by side (bench/RESULTS.md), each script against a
 * baseline measured in the same run. Builds the production server first, so the benchmarks never
 * measure a stale build, then runs each script and repeats their one-line summaries at the end.
 */
const benches = [
  { name: "pipeline", script: "bench/pipeline-overhead.ts" },
  { name: "status", script: "bench/status-polling.ts" },
  { name: "journey", script: "bench/journey-latency.ts" },
  { name: "scale", script: "bench/scale-out.ts" },
  { name: "uploads", script: "bench/upload-isolation.ts" },
];
const only = process.argv.slice(2);
const started = Date.now();
const summaries: string[] = [];

const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  process.stdout.write(result.stdout ?? "");
  if (result.status !== 0) {
    console.error(`bench: ${[command, ...args].join(" ")} failed (exit ${result.status})`);
    process.exit(1);
  }
  return result.stdout ?? "";
};

console.log("=== build: next build");
run(path.resolve("node_modules/.bin/next"), ["build"]);
for (const bench of benches.filter((b) => only.length === 0 || only.includes(b.name))) {
  console.log(`\n=== ${bench.name}: ${bench.script}`);
  const benchStarted = Date.now();
  const output = run(process.execPath, ["--import", "tsx", bench.script]);
  summaries.push(...output.split("\n").filter((line) => line.startsWith("bench: ")));
  summaries.push(`  (${bench.name} took ${((Date.now() - benchStarted) / 1000).toFixed(0)} s)`);
}
console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
for (const line of summaries) console.log(line);
