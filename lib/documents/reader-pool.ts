import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Tinypool from "tinypool";
import { env } from "@/lib/env";
import { AppError, DocumentError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { ReaderReply, ReaderResults, ReaderTask } from "./reader-task";

/**
 * Untrusted documents are read in child processes (tinypool, `runtime: "child_process"`), never
 * on the event loop of the web or worker process: a hostile PDF can burn a child's CPU and
 * memory, not everyone else's requests. Each read has a wall-clock deadline, and each child a
 * memory cap: V8's heap limit does not count ArrayBuffers (pdf.js inflates streams into typed
 * arrays), so a watchdog reads every child's RSS from /proc and kills it over the cap. A killed
 * child is replaced; the read ends as a 422 "too complex" — the document, not the service, failed.
 * See docs/decisions/0008-reading-documents-in-child-processes.md.
 */

const WATCH_EVERY_MS = 50;
/** Readers run below the server's CPU priority: a busy reader must not slow anyone's requests. */
const READER_NICENESS = 5;
const PAGE_SIZE = 4096;

export type ReaderPoolStats = { running: number; waiting: number; peakRssBytes: number };

type Waiter = { resolve: () => void; reject: (error: unknown) => void; signal?: AbortSignal };

class ReaderPool {
  private readonly pool: Tinypool;
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly killedForMemory = new Set<number>();
  private readonly reniced = new Set<number>();
  private watchdog: NodeJS.Timeout | undefined;
  peakRssBytes = 0;

  constructor(
    private readonly size: number,
    private readonly maxQueue: number,
    private readonly maxRssBytes: number,
  ) {
    const entry = path.join(process.cwd(), "lib", "documents", "reader-process.ts");
    if (!fs.existsSync(entry)) {
      throw new Error(`reader pool: ${entry} is missing (run the server from the project root)`);
    }
    // tsx compiles the entry and its imports (with the `@/` paths) in the child, so the same
    // source runs under next start, next dev, the tsx worker and vitest; no build step to forget.
    const tsx = pathToFileURL(
      createRequire(path.join(process.cwd(), "package.json")).resolve("tsx"),
    ).href;
    const childEnv: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) {
      // NODE_OPTIONS of the parent (a debugger, Next's own flags) must not reach the readers.
      if (value !== undefined && key !== "NODE_OPTIONS") childEnv[key] = value;
    }
    this.pool = new Tinypool({
      runtime: "child_process",
      filename: entry,
      minThreads: 1,
      maxThreads: size,
      idleTimeout: 60_000,
      // Structured clone: document bytes and extracted text cross as they are, not as JSON.
      serialization: "advanced",
      execArgv: ["--import", tsx, `--max-old-space-size=${Math.floor(maxRssBytes / 2 ** 20)}`],
      env: childEnv,
    });
    this.reniceChildren();
  }

  stats(): ReaderPoolStats {
    return { running: this.running, waiting: this.waiting.length, peakRssBytes: this.peakRssBytes };
  }

  async run(
    task: ReaderTask,
    options: { signal?: AbortSignal; timeoutMs: number; refuseWhenBusy: boolean },
  ) {
    await this.acquire(options.signal, options.refuseWhenBusy);
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
    const signal = options.signal
      ? AbortSignal.any([options.signal, deadline.signal])
      : deadline.signal;
    this.startWatchdog();
    try {
      return (await this.pool.run(task, { signal })) as ReaderReply;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (deadline.signal.aborted) throw tooComplex("reading it took too long");
      if (error instanceof Error && /exited unexpectedly/.test(error.message)) {
        throw tooComplex("reading it needed too much memory");
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (deadline.signal.aborted) {
        logger.warn({ timeoutMs: options.timeoutMs }, "document reader over its deadline; killed");
      }
      this.release();
      // A killed child has just been replaced.
      this.reniceChildren();
    }
  }

  /** One of `size` slots, so a task reaches a child at once and its deadline is its own run. */
  private acquire(signal: AbortSignal | undefined, refuseWhenBusy: boolean): Promise<void> {
    signal?.throwIfAborted();
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve();
    }
    if (refuseWhenBusy && this.waiting.length >= this.maxQueue) {
      return Promise.reject(
        new AppError(
          "unavailable",
          "We are reading many documents right now. Try again in a few seconds. Nothing was charged.",
          { retryAfterSeconds: 5 },
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      this.waiting.push(waiter);
      signal?.addEventListener(
        "abort",
        () => {
          const index = this.waiting.indexOf(waiter);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.running--;
    if (this.running === 0) this.stopWatchdog();
  }

  private startWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => this.checkMemory(), WATCH_EVERY_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  private reniceChildren(): void {
    for (const child of this.pool.threads) {
      const pid = child.threadId;
      if (this.reniced.has(pid)) continue;
      this.reniced.add(pid);
      try {
        os.setPriority(pid, READER_NICENESS);
      } catch {
        // Gone already, or not permitted: the reader still works, only at normal priority.
      }
    }
  }

  private checkMemory(): void {
    this.reniceChildren();
    for (const child of this.pool.threads) {
      const pid = child.threadId;
      const rss = readRssBytes(pid);
      if (rss === undefined) continue;
      if (rss > this.peakRssBytes) this.peakRssBytes = rss;
      if (rss > this.maxRssBytes && !this.killedForMemory.has(pid)) {
        this.killedForMemory.add(pid);
        logger.warn(
          { pid, rssMb: Math.round(rss / 2 ** 20) },
          "document reader over its memory cap; killed",
        );
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
  }
}

/** Resident set size of a process, from /proc (Linux); undefined elsewhere or once it exited. */
function readRssBytes(pid: number): number | undefined {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, "latin1");
    return Number(statm.split(" ")[1]) * PAGE_SIZE;
  } catch {
    return undefined;
  }
}

function tooComplex(why: string): DocumentError {
  return new DocumentError(
    "too_complex",
    `This document is too complex to read safely (${why}). Re-export it (for example "Print to PDF" or "Save as" a new file) and upload it again. Nothing was charged.`,
  );
}

// One pool per process, also across Next dev's module reloads (a second pool would leak children).
const POOL = Symbol.for("clauseflow.readerPool");
const store = globalThis as typeof globalThis & { [POOL]?: ReaderPool };

function readerPool(): ReaderPool {
  store[POOL] ??= new ReaderPool(
    env.INSPECT_POOL_SIZE,
    env.INSPECT_QUEUE_MAX,
    env.INSPECT_MAX_MEMORY_MB * 2 ** 20,
  );
  return store[POOL];
}

/** Running/waiting reads and the highest child RSS seen (tests and benchmarks). */
export function readerPoolStats(): ReaderPoolStats {
  return readerPool().stats();
}

/**
 * Runs one read in the pool under the deadline and memory cap; the reply's error (if any) comes
 * back as the same typed error the in-process reader would have thrown.
 */
export async function runInReaderPool<T extends ReaderTask>(
  task: T,
  options: {
    signal?: AbortSignal;
    timeoutMs?: number;
    /** Uploads are refused (503) beyond INSPECT_QUEUE_MAX waiting reads; the worker's jobs,
     *  already bounded by WORKER_CONCURRENCY, wait their turn instead. */
    refuseWhenBusy?: boolean;
  } = {},
): Promise<ReaderResults[T["op"]]> {
  const reply = await readerPool().run(task, {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? env.INSPECT_TIMEOUT_MS,
    refuseWhenBusy: options.refuseWhenBusy ?? false,
  });
  if (!reply.ok) {
    const { code, message, details } = reply.error;
    if (code === "bad_document") {
      throw new DocumentError(String(details?.reason ?? "unreadable"), message);
    }
    if (code === "internal") throw new Error(`document reader failed: ${message}`);
    throw new AppError(code, message, details);
  }
  return reply.value as ReaderResults[T["op"]];
}
