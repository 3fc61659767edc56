import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * CPU time (user + system) spent by groups of processes, read from /proc: where the time of a
 * benchmark goes on a machine whose cores the app, Postgres and Redis share. Linux only; on
 * other systems every figure is 0.
 */
export type CpuGroups = Record<string, number>;

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function cpuMsOf(pid: number): { comm: string; ms: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return { comm, ms: (ticks / ticksPerSecond) * 1000 };
  } catch {
    return null; // gone, or not Linux
  }
}

/**
 * CPU ms so far of: each named pid, every `postgres` process and every `redis-server` process.
 * Postgres backends come and go with connections: take snapshots while pools are open.
 */
export function cpuSnapshot(named: Record<string, number | undefined>): CpuGroups {
  const groups: CpuGroups = { postgres: 0, redis: 0 };
  for (const [name, pid] of Object.entries(named)) groups[name] = pid ? (cpuMsOf(pid)?.ms ?? 0) : 0;
  let pids: string[] = [];
  try {
    pids = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return groups;
  }
  for (const pid of pids) {
    const usage = cpuMsOf(Number(pid));
    if (usage?.comm === "postgres") groups.postgres! += usage.ms;
    else if (usage?.comm === "redis-server") groups.redis! += usage.ms;
  }
  return groups;
}

/** CPU ms per job of each group between two snapshots, e.g. `worker 1.20 · postgres 0.85`. */
export function formatCpuPerJob(before: CpuGroups, after: CpuGroups, jobs: number): string {
  return Object.keys(after)
    .map((name) => `${name} ${(((after[name] ?? 0) - (before[name] ?? 0)) / jobs).toFixed(2)}`)
    .join(" · ");
}
