import { spawn } from "node:child_process";
import os from "node:os";

/** OCR children run below the worker's priority, so a long scan never slows anyone's requests. */
const OCR_NICENESS = 10;
/** Output a child may write before it is stopped: a page's TSV is a few hundred KB at most. */
const MAX_OUTPUT_BYTES = 32 * 2 ** 20;

export type BoundedRun = {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
};

/** How a bounded run ended when it did not simply exit (`runBoundedCommand` throws these). */
export class BoundedRunStopped extends Error {
  constructor(readonly why: "timeout" | "missing" | "output" | "aborted") {
    super(`command stopped: ${why}`);
    this.name = "BoundedRunStopped";
  }
}

export type BoundedLimits = {
  /** Wall-clock deadline (epoch ms); the whole process group is killed when it passes. */
  deadline: number;
  /** Address space of the child (ulimit -v), in MiB. */
  memoryMiB: number;
  signal?: AbortSignal;
};

// `sh` only applies the limit and then execs the command: the command and its arguments arrive as
// positional parameters, never as shell text, so no file name or value is ever interpreted.
const LIMITED = 'ulimit -v "$1" || exit 125; shift; exec "$@"';

/**
 * Runs `command args…` in its own process group with an address-space limit, a wall-clock deadline
 * and a cap on its output, in a minimal environment (tesseract single-threaded: OpenMP threads
 * would fight every other process on the machine). Resolves with the exit status however it
 * exited; throws `BoundedRunStopped` when it had to be killed or could not start, and the signal's
 * reason when aborted.
 */
export function runBoundedCommand(
  command: string,
  args: readonly string[],
  limits: BoundedLimits,
): Promise<BoundedRun> {
  limits.signal?.throwIfAborted();
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LC_ALL: "C",
    OMP_THREAD_LIMIT: "1",
  };
  if (process.env.TESSDATA_PREFIX) env.TESSDATA_PREFIX = process.env.TESSDATA_PREFIX;

  return new Promise((resolve, reject) => {
    const child = spawn(
      "/bin/sh",
      ["-c", LIMITED, "sh", String(limits.memoryMiB * 1024), command, ...args],
      { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stopped: BoundedRunStopped | undefined;
    let abortReason: unknown;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outputBytes = 0;

    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // The group is gone already.
      }
    };
    const stop = (why: BoundedRunStopped["why"]) => {
      stopped ??= new BoundedRunStopped(why);
      killGroup();
    };
    const onAbort = () => {
      abortReason = limits.signal?.reason;
      stop("aborted");
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      outputBytes += chunk.length;
      if (outputBytes > MAX_OUTPUT_BYTES) stop("output");
      else into.push(chunk);
    };

    const timer = setTimeout(() => stop("timeout"), Math.max(0, limits.deadline - Date.now()));
    limits.signal?.addEventListener("abort", onAbort, { once: true });
    if (child.pid !== undefined) {
      try {
        os.setPriority(child.pid, OCR_NICENESS);
      } catch {
        // Exited already, or not permitted: it still runs, at normal priority.
      }
    }
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    child.on("error", (error) => {
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      limits.signal?.removeEventListener("abort", onAbort);
      // A child that forked and was killed may leave grandchildren; the group goes with it.
      killGroup();
      if (stopped?.why === "aborted") return reject(abortReason);
      if (stopped) return reject(stopped);
      const stderr = Buffer.concat(err).toString("utf8");
      // `exec` of a command not on PATH: sh says "not found" and exits 127 (a program that
      // cannot load its libraries under the memory limit exits 127 too, saying something else).
      if (exitCode === 127 && /not found/i.test(stderr)) {
        return reject(new BoundedRunStopped("missing"));
      }
      resolve({ stdout: Buffer.concat(out).toString("utf8"), stderr, exitCode, signal });
    });
  });
}
