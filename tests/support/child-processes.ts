import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** The project root: every child process runs from here (tsx, `@/` paths, `.next`). */
export const projectRoot = path.resolve(import.meta.dirname, "../..");

/** Starts `command` in the project root with its stdout and stderr written to `logFile`. */
export function spawnLogged(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logFile: string,
): ChildProcess {
  const out = fs.createWriteStream(logFile);
  const child = spawn(command, args, { cwd: projectRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`${what} not ready after ${timeoutMs} ms:\n${seen.slice(-2000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code} before it was ready:\n${seen.slice(-2000)}`));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** A real worker process (`worker/index.ts`, as `npm run worker` runs it), once it says ready. */
export async function startWorkerProcess(options: {
  env: NodeJS.ProcessEnv;
  logFile: string;
  what?: string;
  /** Extra Node.js flags, e.g. `--cpu-prof` (which NODE_OPTIONS does not allow). */
  nodeArgs?: string[];
}): Promise<ChildProcess> {
  const child = spawnLogged(
    process.execPath,
    [...(options.nodeArgs ?? []), "--import", "tsx", "worker/index.ts"],
    { CLAUSEFLOW_SERVICE: "worker", ...options.env },
    options.logFile,
  );
  try {
    await waitForLine(child, /"msg":"ready"/, 30_000, options.what ?? "worker");
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return child;
}
