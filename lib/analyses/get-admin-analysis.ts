import { asc, eq } from "drizzle-orm";
import { rowToView, selectAnalysisViews } from "@/lib/analyses/get-analysis";
import type { AdminAnalysisRow } from "@/lib/analyses/list-admin-analyses";
import { type CreditEntryView, listCreditEntries } from "@/lib/billing/get-credit-summary";
import { db } from "@/lib/db/client";
import { analyses, analysisChunks, analysisEvents, users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";

export type AnalysisEventView = {
  id: number;
  type: string;
  attempt: number | null;
  workerId: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
};

export type AnalysisChunkView = {
  chunkIndex: number;
  firstPage: number;
  lastPage: number;
  status: "pending" | "running" | "done";
  attempt: number;
  workerId: string | null;
  startedAt: string | null;
  finishedAt: string | null;
};

/** Everything the admin console shows about one analysis. Admin-only: includes internals. */
export type AdminAnalysisDetail = {
  analysis: AdminAnalysisRow & {
    userId: string;
    attempt: number;
    workerId: string | null;
    heartbeatAt: string | null;
    /** The internal error (message and stack) behind a failure; never shown to users. */
    errorDetail: string | null;
  };
  events: AnalysisEventView[];
  ledger: CreditEntryView[];
  chunks: AnalysisChunkView[];
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getAdminAnalysisDetail(analysisId: string): Promise<AdminAnalysisDetail> {
  const [[row], [internals]] = await Promise.all([
    selectAnalysisViews().where(eq(analyses.id, analysisId)),
    db
      .select({ userEmail: users.email, errorDetail: analyses.errorDetail })
      .from(analyses)
      .innerJoin(users, eq(users.id, analyses.userId))
      .where(eq(analyses.id, analysisId)),
  ]);
  if (!row || !internals) throw notFound("Analysis");
  const [events, ledger, chunks] = await Promise.all([
    db
      .select()
      .from(analysisEvents)
      .where(eq(analysisEvents.analysisId, analysisId))
      // Step events are written in batches with their own times: order by when they happened.
      .orderBy(asc(analysisEvents.createdAt), asc(analysisEvents.id)),
    listCreditEntries({ analysisId }),
    db
      .select()
      .from(analysisChunks)
      .where(eq(analysisChunks.analysisId, analysisId))
      .orderBy(asc(analysisChunks.chunkIndex)),
  ]);
  return {
    analysis: {
      ...rowToView(row),
      userId: row.userId,
      userEmail: internals.userEmail,
      deletedAt: row.deletedAt?.toISOString() ?? null,
      durationMs:
        row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
      attempt: row.attempt,
      workerId: row.workerId,
      heartbeatAt: iso(row.heartbeatAt),
      errorDetail: internals.errorDetail,
    },
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      attempt: e.attempt,
      workerId: e.workerId,
      data: (e.data as Record<string, unknown> | null) ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
    ledger,
    chunks: chunks.map((c) => ({
      chunkIndex: c.chunkIndex,
      firstPage: c.firstPage,
      lastPage: c.lastPage,
      status: c.status,
      attempt: c.attempt,
      workerId: c.workerId,
      startedAt: iso(c.startedAt),
      finishedAt: iso(c.finishedAt),
    })),
  };
}
