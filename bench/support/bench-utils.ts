import os from "node:os";

/** Runs `task(i)` for every i < n with at most `limit` in flight. */
export async function inParallel(
  n: number,
  limit: number,
  task: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** One line saying when and where a benchmark ran, printed above its figures. */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores (${cpu}) · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · node ${process.version}`;
}
