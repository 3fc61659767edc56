"use client";

import { useCallback, useState } from "react";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import { useCreateBatch } from "@/components/batches/use-batch-mutations";
import { ApiError, errorMessage } from "@/components/fetch-json";
import { formatCredits, pluralize } from "@/components/format";
import type { BatchUpload } from "@/components/upload/batch-quote-card";

/** Worth sending again as is: the network, a rate limit (its message says how long) or a 5xx. */
function isRetryable(error: unknown): boolean {
  return (
    !(error instanceof ApiError) ||
    error.status === 0 ||
    error.status === 429 ||
    error.status >= 500
  );
}

/**
 * The bulk uploads of the upload page, newest first: each sends its files as one batch and keeps
 * them until the server has quoted it, so a failed send can be retried.
 */
export function useBatchUploads(announce: (message: string) => void) {
  const createBatch = useCreateBatch();
  const [uploads, setUploads] = useState<(BatchUpload & { files: File[] })[]>([]);

  const send = useCallback(
    (localId: string, files: File[]) => {
      const patch = (change: Partial<BatchUpload & { files: File[] }>) =>
        setUploads((all) => all.map((b) => (b.localId === localId ? { ...b, ...change } : b)));
      patch({ phase: "uploading", error: null });
      createBatch.mutateAsync(files).then(
        ({ batch }) => {
          patch({ phase: "quoted", batch, files: [] });
          announce(
            `Batch quoted: ${pluralize(batch.files.length, "contract")} for ${formatCredits(batch.totalCredits)}.`,
          );
        },
        (error: unknown) => {
          patch({ phase: "failed", error: errorMessage(error), retryable: isRetryable(error) });
          announce(`The batch upload failed: ${errorMessage(error)}`);
        },
      );
    },
    [createBatch.mutateAsync, announce],
  );

  const start = useCallback(
    (files: File[]) => {
      const localId = newIdempotencyKey();
      const [only] = files;
      const label = files.length === 1 && only ? only.name : pluralize(files.length, "file");
      setUploads((all) => [
        { localId, label, phase: "uploading", batch: null, error: null, retryable: false, files },
        ...all,
      ]);
      send(localId, files);
    },
    [send],
  );

  const retry = (upload: BatchUpload & { files: File[] }) => send(upload.localId, upload.files);
  const remove = (localId: string) => setUploads((all) => all.filter((b) => b.localId !== localId));

  return { uploads, start, retry, remove, sending: uploads.some((b) => b.phase === "uploading") };
}
