import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
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
  // Refused here too, so an oversized buffer is never copied to a child just to be refused there.
  if (bytes.byteLength > env.MAX_UPLOAD_BYTES) {
    return Promise.reject(
      new AppError(
        "payload_too_large",
        `This file is larger than the ${Math.floor(env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB upload limit. Nothing was charged.`,
      ),
    );
  }
  return runInReaderPool({ op: "inspect", bytes }, { ...options, refuseWhenBusy: true });
}
