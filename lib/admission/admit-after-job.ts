import { eq } from "drizzle-orm";
import { admitAndEnqueue } from "@/lib/admission/admit-analyses";
import { db } from "@/lib/db/client";
import { analyses } from "@/lib/db/schema";
import type { Logger } from "@/lib/logger";

/**
 * After a job of `analysisId` ended the analysis or finished a chunk, its user may have room:
 * admit their next analyses before the job returns, so the next job is in Redis before this
 * worker slot frees. Never throws — the job's outcome stands, and maintenance admits anyway.
 */
export async function admitAfterJob(analysisId: string, log: Logger): Promise<void> {
  try {
    const [row] = await db
      .select({ userId: analyses.userId })
      .from(analyses)
      .where(eq(analyses.id, analysisId));
    if (row) await admitAndEnqueue([row.userId]);
  } catch (error) {
    log.warn({ analysisId, err: (error as Error).message }, "admission after a job failed");
  }
}
