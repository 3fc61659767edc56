import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative, like the other schema imports: drizzle-kit loads this file without the "@/" alias.
import { ANALYSIS_STATUSES } from "../../analyses/analysis-status";
import { batches } from "./batches";
import { documents } from "./documents";
import { users } from "./users";

export const analysisStatus = pgEnum("analysis_status", ANALYSIS_STATUSES);

export const analyses = pgTable(
  "analyses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    /** Set when the analysis was uploaded as part of a batch (bulk upload). */
    batchId: uuid("batch_id").references(() => batches.id),
    status: analysisStatus("status").notNull().default("quoted"),
    /** Quoted at upload, fixed again at confirm from the stored document; the hold equals it. */
    priceCredits: integer("price_credits").notNull(),
    /** Fencing token: every write of an attempt carries `WHERE attempt = mine`. */
    attempt: integer("attempt").notNull().default(0),
    stepIndex: integer("step_index").notNull().default(0),
    stepCount: integer("step_count").notNull().default(0),
    stepName: text("step_name"),
    percent: integer("percent").notNull().default(0),
    chunksDone: integer("chunks_done").notNull().default(0),
    chunksTotal: integer("chunks_total").notNull().default(0),
    /** Pages whose chunk has finished, of `pagesTotal` (chunked analyses only). */
    pagesDone: integer("pages_done").notNull().default(0),
    pagesTotal: integer("pages_total").notNull().default(0),
    /** Step 1's findings (title, parties, dates), read once by the parent of a chunked
     *  analysis and given to every chunk, so later steps can name parties and date the term. */
    identification: jsonb("identification"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** The internal error behind a failure (message and stack), for admins only. */
    errorDetail: text("error_detail"),
    memoMarkdown: text("memo_markdown"),
    result: jsonb("result"),
    resultVersion: integer("result_version"),
    workerId: text("worker_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    quoteExpiresAt: timestamp("quote_expires_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** design.md "Admission": when this queued analysis got one of its user's slots and was
     *  handed to the queue. Null while it waits its turn in Postgres. */
    admittedAt: timestamp("admitted_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The user deleted it (or its document, or their account): a tombstone whose memo, result
     *  and findings are gone; its ledger entries still point at it. Answers 404 to everyone. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Set at quote time when the document does not look like a contract (`not_a_contract`):
     *  confirming it needs an explicit yes. */
    quoteWarning: text("quote_warning"),
  },
  (t) => [
    index("analyses_user_created_idx").on(t.userId, t.createdAt),
    // Confirm finds a document's open quote: without it, that is a scan of every quoted row.
    index("analyses_document_idx").on(t.documentId),
    index("analyses_status_created_idx").on(t.status, t.createdAt),
    index("analyses_created_idx").on(t.createdAt),
    // Admission counts a user's active analyses and takes their oldest waiting one.
    index("analyses_active_user_idx")
      .on(t.userId, t.confirmedAt)
      .where(sql`status in ('queued', 'running')`),
    index("analyses_batch_idx").on(t.batchId),
    // Throughput and durations over the last hour/day (admin queue health, metrics).
    index("analyses_finished_idx").on(t.finishedAt),
    // design.md "Duplicates": at most one active analysis per document, enforced by the database.
    uniqueIndex("analyses_one_active_per_document")
      .on(t.documentId)
      .where(sql`status in ('queued', 'running')`),
  ],
);

export const analysisChunkStatus = pgEnum("analysis_chunk_status", ["pending", "running", "done"]);

/**
 * design.md "Chunked work": one row per page range of a chunked analysis. The chunk's findings
 * are kept here until the parent merges them, so a retried parent never redoes finished chunks.
 */
export const analysisChunks = pgTable(
  "analysis_chunks",
  {
    analysisId: uuid("analysis_id")
      .notNull()
      .references(() => analyses.id),
    chunkIndex: integer("chunk_index").notNull(),
    /** Pages read, 1-based and inclusive; includes the one page of overlap with the next chunk. */
    firstPage: integer("first_page").notNull(),
    lastPage: integer("last_page").notNull(),
    /** Pages this chunk counts towards progress (its range without the overlap). */
    ownedPages: integer("owned_pages").notNull(),
    status: analysisChunkStatus("status").notNull().default("pending"),
    /** Claims of this chunk, across all attempts of the analysis; also its fencing token. */
    attempt: integer("attempt").notNull().default(0),
    workerId: text("worker_id"),
    findings: jsonb("findings"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.analysisId, t.chunkIndex] })],
);

/** Append-only lifecycle history, shown to admins as a timeline. */
export const analysisEvents = pgTable(
  "analysis_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    analysisId: uuid("analysis_id")
      .notNull()
      .references(() => analyses.id),
    type: text("type").notNull(),
    attempt: integer("attempt"),
    workerId: text("worker_id"),
    data: jsonb("data"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("analysis_events_analysis_idx").on(t.analysisId, t.id)],
);

/** Confirm requests by idempotency key: a retry gets the first answer back. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    documentId: uuid("document_id").notNull(),
    analysisId: uuid("analysis_id").notNull(),
    responseStatus: integer("response_status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export type Analysis = typeof analyses.$inferSelect;
export type AnalysisChunk = typeof analysisChunks.$inferSelect;
export type AnalysisStatus = (typeof analysisStatus.enumValues)[number];
