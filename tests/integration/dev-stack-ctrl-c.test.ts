import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { portIsOpen } from "@/scripts/lib/local-services";
import { projectRoot } from "@/tests/support/child-processes";
import { waitFor } from "@/tests/support/wait-for";

type Proc = { pid: number; pgid: number; state: string; args: string };

/** Every process on the machine with its group, state and command line (from /proc). */
function listProcesses(): Proc[] {
  const found: Proc[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after it.
      const [state, , pgid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ").trim();
      found.push({ pid: Number(entry), pgid: Number(pgid), state: state ?? "?", args });
    } catch {
      // gone while we looked
    }
  }
  return found;
}

/** Still running: present and not a zombie waiting for a parent that is not ours to reap. */
const alive = (pids: number[]) =>
  listProcesses().filter((p) => pids.includes(p.pid) && p.state !== "Z");

// Ports 31000–31999 (apart from the other suites' ranges, see playwright.config.ts): web, its
// Postgres and its Redis, so a developer's own `npm run dev` (3000, 54329, 63790) is not touched.
const base = 31_000 + Math.floor(Math.random() * 165) * 6;
const dataDirs: string[] = [];
let leftovers: number[] = [];

afterAll(() => {
  // Whatever a test found still running is not left behind for the next run.
  for (const pid of leftovers) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts `npm run dev` as a terminal does, in its own process group, on a fresh data directory
 * and ports; `interrupt` sends Ctrl-C (SIGINT to the whole group) once `ready` says so, and
 * answers what was left running, how the command ended and what it printed.
 */
async function runDevAndInterrupt(
  slot: number,
  ready: (output: string, ports: { web: number }) => Promise<boolean>,
) {
  const ports = { web: base + slot * 3, postgres: base + slot * 3 + 1, redis: base + slot * 3 + 2 };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "clauseflow-dev-stack-"));
  dataDirs.push(dataDir);
  // Under root the stack runs Postgres as the `postgres` user, who must reach its data directory.
  fs.chmodSync(dataDir, 0o755);
  // Nothing of this test run's environment (its DATABASE_URL, NODE_ENV=test, …): a fresh shell.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLAUSEFLOW_DATA_DIR: dataDir,
    CLAUSEFLOW_LOCAL_POSTGRES_PORT: String(ports.postgres),
    CLAUSEFLOW_LOCAL_REDIS_PORT: String(ports.redis),
    PORT: String(ports.web),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const keep = ["PATH", "HOME", "TMPDIR", "CLAUSEFLOW_", "PORT", "NEXT_TELEMETRY_DISABLED"];
  for (const name of Object.keys(env)) {
    if (!keep.some((k) => name === k || (k.endsWith("_") && name.startsWith(k)))) delete env[name];
  }
  const dev = spawn("npm", ["run", "dev"], {
    cwd: projectRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  dev.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  dev.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    dev.once("exit", (code, signal) => resolve(code ?? signal ?? "?")),
  );
  const group = dev.pid!;
  // Postgres and redis-server run in process groups of their own (scripts/lib/local-services.ts);
  // they are found by the data directory on their command lines (redis-server retitles itself
  // with its address).
  const ours = (p: Proc) =>
    p.args.includes(dataDir) || p.args.startsWith(`redis-server 127.0.0.1:${ports.redis}`);
  const stackProcesses = () => {
    const all = listProcesses();
    const groups = new Set([group, ...all.filter(ours).map((p) => p.pgid)]);
    return all.filter((p) => groups.has(p.pgid) && p.state !== "Z");
  };

  try {
    await waitFor(
      async () => {
        if (dev.exitCode !== null) throw new Error(`npm run dev exited early:\n${output}`);
        return ready(output, ports);
      },
      (isReady) => isReady,
      { timeoutMs: 150_000, intervalMs: 100, what: "npm run dev to get there" },
    );
    const running = stackProcesses();
    leftovers.push(...running.map((p) => p.pid));

    const stopping = Date.now();
    process.kill(-group, "SIGINT");
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 60_000)),
    ]);
    const { last } = await waitFor(
      async () => alive(running.map((p) => p.pid)),
      (left) => left.length === 0,
      { timeoutMs: 10_000, intervalMs: 200, what: "every process of the stack to end" },
    ).catch(() => ({ last: alive(running.map((p) => p.pid)) }));
    const stoppedAfterMs = Date.now() - stopping;
    return {
      running,
      group,
      left: last.map((p) => `${p.pid} ${p.args}`),
      code,
      output,
      stoppedAfterMs,
      ports,
      report: `after ${stoppedAfterMs} ms, npm run dev ended with ${code}; its output:\n${output}`,
    };
  } finally {
    // Whatever is still running is killed in afterAll, after the assertions have spoken.
    leftovers = [...new Set([...leftovers, ...stackProcesses().map((p) => p.pid)])];
  }
}

describe("npm run dev in a terminal", () => {
  it("stops web, worker, its Postgres and its redis-server on Ctrl-C and says so", async () => {
    const run = await runDevAndInterrupt(0, async (_output, ports) => {
      const health = await fetch(`http://127.0.0.1:${ports.web}/api/health`).catch(() => null);
      return health?.status === 200;
    });
    // The stack really is the one we think: its own Postgres and Redis were among them.
    expect(run.running.some((p) => /postgres/.test(p.args) && p.pgid !== run.group)).toBe(true);
    expect(run.running.some((p) => /redis-server/.test(p.args))).toBe(true);

    expect(run.left, run.report).toEqual([]);
    expect(run.code, run.report).not.toBe("still running");
    expect(run.output).toContain("[stack] stopped");
    for (const port of Object.values(run.ports)) expect(await portIsOpen(port)).toBe(false);
    // Bounded: no kill timer (concurrently's 35 s, Postgres's 30 s) had to fire.
    expect(run.stoppedAfterMs).toBeLessThan(30_000);
  }, 240_000);

  it("stops its Postgres and redis-server on Ctrl-C while it is still starting", async () => {
    // Redis is up, the migrations are about to run: web and worker are not started yet.
    const run = await runDevAndInterrupt(1, async (output) =>
      output.includes("[stack] redis-server on port"),
    );
    expect(run.running.some((p) => /redis-server/.test(p.args))).toBe(true);

    expect(run.left, run.report).toEqual([]);
    expect(run.code, run.report).not.toBe("still running");
    expect(run.output).toContain("[stack] stopped");
    expect(run.stoppedAfterMs).toBeLessThan(30_000);
  }, 240_000);
});
