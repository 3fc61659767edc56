import { setTimeout as sleep } from "node:timers/promises";
import { type AnalysisEventInput, recordEvents } from "@/lib/analyses/record-event";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { reportProgress } from "@/lib/jobs/analysis-attempt";
import { type Fence, StopRequested } from "@/lib/jobs/run-attempt";

export type Progress = { stepIndex: number; stepCount: number; stepName: string; percent: number };

/**
 * Progress of one attempt, written at most once per `PROGRESS_WRITE_MS` (design.md: about once a
 * second per job — polling reads one row, and a fast job must not pay a commit per step). The
 * claim writes step 1 (`wroteAt`), so the user sees the start at once; without one the first step
 * is written at once. Every step still lands on the timeline with its own time: step events are
 * buffered and written with the next progress write, in the finishing statement, or by `flush`
 * when the attempt ends otherwise.
 */
export class StepReporter {
  private pending: AnalysisEventInput[] = [];

  constructor(
    readonly fence: Fence,
    /** When progress was last written to the row (ms, `Date.now()`), if it was. */
    private lastWriteAt = Number.NEGATIVE_INFINITY,
  ) {}

  async step(progress: Progress, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.pending.push({
      analysisId: this.fence.analysisId,
      type: "step_started",
      attempt: this.fence.attempt,
      workerId: this.fence.workerId,
      data: { step: progress.stepIndex, of: progress.stepCount, name: progress.stepName },
      at: new Date(),
    });
    await this.writeWhenDue(progress);
    if (env.ANALYSIS_STEP_DELAY_MS > 0) {
      await sleep(env.ANALYSIS_STEP_DELAY_MS, undefined, { signal });
    }
  }

  /**
   * Progress inside a step ("Reading scanned pages 12 of 40"): the row's label and percent move,
   * throttled like steps, with no timeline event per update. A cancel is seen here too, so a long
   * step stops between its pages.
   */
  async detail(progress: Progress, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    await this.writeWhenDue(progress);
  }

  /**
   * Writes `progress` if the last write is `PROGRESS_WRITE_MS` old (otherwise nothing), and throws
   * `StopRequested` when the write finds a cancel requested. The buffered step events go with the
   * progress row, in the same statement.
   */
  private async writeWhenDue(progress: Progress): Promise<void> {
    const now = Date.now();
    if (now - this.lastWriteAt < env.PROGRESS_WRITE_MS) return;
    this.lastWriteAt = now;
    const { cancelRequested } = await reportProgress(this.fence, progress, this.takePending());
    if (cancelRequested) throw new StopRequested("cancel");
  }

  /** The buffered step events, handed to a transaction that writes them (and forgotten here). */
  takePending(): AnalysisEventInput[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /** Writes buffered step events now; never fails the job (the timeline is not worth a retry). */
  async flush(): Promise<void> {
    const events = this.takePending();
    await recordEvents(db, events).catch(() => {});
  }
}
