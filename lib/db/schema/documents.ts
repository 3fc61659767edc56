import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { OcrWordBox } from "../../ocr/types";
import { users } from "./users";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const documentKind = pgEnum("document_kind", ["pdf", "docx", "text"]);

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Sanitized for display only; never used as a path. */
    filename: text("filename").notNull(),
    kind: documentKind("kind").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    pageCount: integer("page_count").notNull(),
    wordCount: integer("word_count").notNull(),
    /** PDF pages with no usable text layer but an image (scans), read by OCR in the worker and
     *  priced as such (issue 21). Empty for everything else. */
    scannedPages: integer("scanned_pages").array().notNull().default(sql`'{}'::integer[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The user deleted it (or their account): a tombstone, its name and bytes gone; analyses
     *  and ledger entries may still point at it. Answers 404 to everyone. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Its bytes were removed (deleted, or older than DOCUMENT_RETENTION_DAYS); analyses that
     *  finished keep their memo. */
    bytesPurgedAt: timestamp("bytes_purged_at", { withTimezone: true }),
  },
  (t) => [
    index("documents_user_created_idx").on(t.userId, t.createdAt),
    // "You analysed this file before": a user's documents by content hash.
    index("documents_user_sha256_idx").on(t.userId, t.sha256),
    // Retention finds documents whose bytes are still stored, oldest first.
    index("documents_retained_idx").on(t.createdAt).where(sql`${t.bytesPurgedAt} is null`),
  ],
);

/** Bytes live apart from the metadata so listing documents never drags blobs along. */
export const documentBlobs = pgTable("document_blobs", {
  documentId: uuid("document_id")
    .primaryKey()
    .references(() => documents.id, { onDelete: "cascade" }),
  bytes: bytea("bytes").notNull(),
});

/** One recognised word, stored as OCR gives it: its box as fractions (0..1) of the page. */
export type OcrWordRow = OcrWordBox;

/**
 * What OCR read on one scanned page: the text the analysis used (so a retry or a chunk claimed
 * again does not pay for OCR twice) and the word boxes the page view highlights quotes with.
 * Derived from the document's content: deleted with it, and purged with its bytes.
 */
export const documentOcrPages = pgTable(
  "document_ocr_pages",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    pageNumber: integer("page_number").notNull(),
    text: text("text").notNull(),
    words: jsonb("words").$type<OcrWordRow[]>().notNull(),
    meanConfidence: real("mean_confidence").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.pageNumber] })],
);

export type Document = typeof documents.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
