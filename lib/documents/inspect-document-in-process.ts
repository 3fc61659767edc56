import { createHash } from "node:crypto";
import type { DocumentKind } from "@/lib/db/schema/documents";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { extractDocumentText } from "./extract-document-text";
import { scoreContractLikeness } from "./score-contract-likeness";
import { sniffDocumentType } from "./sniff-document-type";

export type DocumentInspection = {
  kind: DocumentKind;
  mimeType: string;
  pageCount: number;
  wordCount: number;
  /** Lowercase hex SHA-256 of the exact bytes uploaded. */
  sha256: string;
  /** False when the text does not read like a contract (`scoreContractLikeness`). */
  looksLikeContract: boolean;
};

/**
 * Everything the upload needs to know before storing a document: what it really is, that we
 * can read it (a full extraction, so bad files fail at upload rather than in the worker), and
 * the counts billing is based on. Runs in this thread with no deadline: the server calls it
 * through `inspectDocument`, in the reader pool; it is exported for the pool and benchmarks.
 */
export async function inspectDocumentInProcess(bytes: Uint8Array): Promise<DocumentInspection> {
  if (bytes.byteLength > env.MAX_UPLOAD_BYTES) {
    throw new AppError(
      "payload_too_large",
      `This file is larger than the ${Math.floor(env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB upload limit.`,
    );
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { kind, mimeType } = await sniffDocumentType(bytes);
  const { pageCount, wordCount, units } = await extractDocumentText(bytes, kind);
  const { looksLikeContract } = scoreContractLikeness(units.map((unit) => unit.text).join("\n"));
  return { kind, mimeType, pageCount, wordCount, sha256, looksLikeContract };
}
