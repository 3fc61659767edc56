import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";

export async function registerWorker(input: {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
}): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ ...input, startedAt: sql`now()`, lastBeatAt: sql`now()` })
    .onConflictDoNothing();
}

export async function beatWorker(id: string, jobsDone: number): Promise<void> {
  await db
    .update(workerHeartbeats)
    .set({ lastBeatAt: sql`now()`, jobsDone })
    .where(eq(workerHeartbeats.id, id));
}

export async function markWorkerStopped(id: string): Promise<void> {
  await db
    .update(workerHeartbeats)
    .set({ stoppedAt: sql`now()` })
    .where(eq(workerHeartbeats.id, id));
}
