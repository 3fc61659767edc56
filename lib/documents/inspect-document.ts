import type { DocumentInspection } from "./inspect-document-in-process";
import { runInReaderPool } from "./reader-pool";

export type { DocumentInspection } from "./inspect-document-in-process";

/**
 * What an upload is, whether we can read it, and its pages and words (`inspectDocumentInProcess`),
 * worked out in the reader pool under a deadline and a memory cap, off this event loop.
 */
export function inspectDocument(
  bytes: Uint8Array,
  options: { signal?: AbortSignal } = {},
): Promise<DocumentInspection> {
  return runInReaderPool({ op: "inspect", bytes }, { ...options, refuseWhenBusy: true });
}
