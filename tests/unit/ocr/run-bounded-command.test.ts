import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { BoundedRunStopped, runBoundedCommand } from "@/lib/ocr/run-bounded-command";

/** Running (a killed process whose parent has not reaped it yet is a zombie: dead, not running). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

it("kills the whole process group when the deadline passes", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "bounded-"));
  try {
    const pids = path.join(dir, "pids");
    // A child that starts a grandchild and waits: both must be gone once the run is stopped.
    const script = 'sleep 30 & echo "$$ $!" > "$1"; wait';
    const run = runBoundedCommand("sh", ["-c", script, "sh", pids], {
      deadline: Date.now() + 300,
      memoryMiB: 256,
    });
    await expect(run).rejects.toEqual(new BoundedRunStopped("timeout"));
    const [shell, sleeper] = (await readFile(pids, "utf8")).trim().split(" ").map(Number);
    expect(isRunning(shell as number)).toBe(false);
    expect(isRunning(sleeper as number)).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

it("passes file names as arguments, never as shell text", async () => {
  const result = await runBoundedCommand("echo", ["$(id -u); `id -u`"], {
    deadline: Date.now() + 10_000,
    memoryMiB: 256,
  });
  expect(result.stdout).toBe("$(id -u); `id -u`\n");
});

it("reports a command that is not installed", async () => {
  const run = runBoundedCommand("clauseflow-no-such-tool", [], {
    deadline: Date.now() + 10_000,
    memoryMiB: 256,
  });
  await expect(run).rejects.toEqual(new BoundedRunStopped("missing"));
});
