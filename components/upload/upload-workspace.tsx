"use client";

import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { finishNoticeFor } from "@/components/analyses/analysis-copy";
import type { ConfirmFlags } from "@/components/analyses/confirm";
import { newIdempotencyKey } from "@/components/analyses/idempotency";
import { useConfirmAnalysis } from "@/components/analyses/use-analysis-mutations";
import type { AnalysisView } from "@/components/api-types";
import { useCredits } from "@/components/credits/use-credits";
import { ApiError, errorMessage } from "@/components/fetch-json";
import { formatBytes, formatCredits } from "@/components/format";
import { NoticeToast, type ToastNotice } from "@/components/notice";
import { notifyAnalysisFinished } from "@/components/notifications/browser-notifications";
import { NotificationPrompt } from "@/components/notifications/notification-prompt";
import { queryKeys } from "@/components/query-keys";
import {
  ACCEPTED_LABEL,
  hasAcceptedExtension,
  isZipName,
} from "@/components/upload/accepted-types";
import { BatchQuoteCard } from "@/components/upload/batch-quote-card";
import { DropZone, type PickedFiles } from "@/components/upload/drop-zone";
import { createLimiter } from "@/components/upload/limiter";
import { PricingExplainer } from "@/components/upload/pricing-explainer";
import { QuoteCard } from "@/components/upload/quote-card";
import { type UploadItem, uploadReducer } from "@/components/upload/upload-state";
import { useBatchUploads } from "@/components/upload/use-batch-uploads";
import { useUploadDocument } from "@/components/upload/use-upload-document";
import { visuallyHidden } from "@/components/visually-hidden";

const MAX_PARALLEL_UPLOADS = 3;

export function UploadWorkspace({
  maxBytes,
  wordsPerPage,
  pagesPerCredit,
  minCredits,
}: {
  maxBytes: number;
  wordsPerPage: number;
  pagesPerCredit: number;
  minCredits: number;
}) {
  const router = useRouter();
  const upload = useUploadDocument();
  const confirm = useConfirmAnalysis();
  const credits = useCredits();
  const liveAvailable = credits.data?.balance.available ?? null;

  const [items, dispatch] = useReducer(uploadReducer, []);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);
  const limiter = useRef(createLimiter(MAX_PARALLEL_UPLOADS));
  const inFlight = useRef(new Set<string>());
  /** Short screen-reader messages; the cards themselves are not a live region (too chatty). */
  const [announcement, setAnnouncement] = useState("");
  const batches = useBatchUploads(setAnnouncement);
  const queryClient = useQueryClient();
  const [finishNotice, setFinishNotice] = useState<ToastNotice | null>(null);

  const anyUploading =
    items.some((i) => i.phase === "uploading" || i.phase === "confirming") || batches.sending;

  // Closing the tab mid-upload would lose the file: ask first.
  useEffect(() => {
    if (!anyUploading) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [anyUploading]);

  const startUpload = useCallback(
    (id: string, file: File) => {
      void limiter.current(async () => {
        try {
          const result = await upload.mutateAsync(file);
          dispatch({ type: "upload-ok", id, result });
          setAnnouncement(
            `Quote ready for ${result.document.filename}: ${formatCredits(result.quote.priceCredits)}.`,
          );
        } catch (error) {
          // A rate limit (429, its message says how long to wait) passes like a network error.
          const retryable =
            !(error instanceof ApiError) ||
            error.status === 0 ||
            error.status === 429 ||
            error.status >= 500;
          dispatch({ type: "upload-failed", id, message: errorMessage(error), retryable });
          setAnnouncement(`Upload failed for ${file.name}: ${errorMessage(error)}`);
        }
      });
    },
    [upload.mutateAsync],
  );

  const addSingleFiles = useCallback(
    (files: File[]) => {
      const fresh: UploadItem[] = files.map((file) => {
        let problem: string | null = null;
        if (!hasAcceptedExtension(file.name)) {
          problem = `“${file.name}” isn't a supported file. Upload ${ACCEPTED_LABEL}.`;
        } else if (file.size > maxBytes) {
          problem = `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
        } else if (file.size === 0) {
          problem = "This file is empty.";
        }
        return {
          localId: newIdempotencyKey(),
          fileName: file.name,
          fileSize: file.size,
          file: problem ? null : file,
          phase: problem ? "upload-error" : "uploading",
          uploadError: problem,
          retryable: false,
          result: null,
          idempotencyKey: newIdempotencyKey(),
          confirmFailure: null,
          analysis: null,
        };
      });
      dispatch({ type: "add", items: fresh });
      for (const item of fresh) {
        if (item.phase === "uploading" && item.file) startUpload(item.localId, item.file);
      }
    },
    [maxBytes, startUpload],
  );

  const addFiles = useCallback(
    ({ files, fromFolder }: PickedFiles) => {
      if (fromFolder || files.length > 1 || files.some((f) => isZipName(f.name))) {
        // Several files, a folder or a ZIP: one upload, one batch, one price.
        batches.start(files);
      } else {
        addSingleFiles(files);
      }
    },
    [batches.start, addSingleFiles],
  );

  const retryUpload = (item: UploadItem) => {
    if (!item.file) return;
    dispatch({ type: "upload-retry", id: item.localId });
    startUpload(item.localId, item.file);
  };

  /** Confirms one card; resolves to the queued analysis, or null if it didn't go through. */
  const confirmOne = async (
    localId: string,
    flags: ConfirmFlags = {},
  ): Promise<AnalysisView | null> => {
    const item = itemsRef.current.find((i) => i.localId === localId);
    if (!item?.result || item.phase !== "quoted" || inFlight.current.has(localId)) return null;
    inFlight.current.add(localId);
    dispatch({ type: "confirm-start", id: localId });
    try {
      const outcome = await confirm.mutateAsync({
        documentId: item.result.document.id,
        idempotencyKey: item.idempotencyKey,
        ...flags,
      });
      if (outcome.ok) {
        dispatch({ type: "confirm-ok", id: localId, analysis: outcome.analysis });
        setAnnouncement(`${outcome.analysis.documentName} is queued for analysis.`);
        return outcome.analysis;
      }
      // A definite "no" means nothing was held: the next attempt is a new request with a new key.
      // After a network failure we don't know, so the retry must reuse the same key.
      const nextKey = outcome.failure.kind === "network" ? null : newIdempotencyKey();
      dispatch({ type: "confirm-failed", id: localId, failure: outcome.failure, nextKey });
      setAnnouncement(`${item.fileName}: ${outcome.failure.message}`);
      return null;
    } finally {
      inFlight.current.delete(localId);
    }
  };

  /** A confirmed card's analysis ended here: say so where the user is (page or background). */
  const onFinished = useCallback(
    (analysis: AnalysisView) => {
      const notice = finishNoticeFor(analysis);
      if (!notice) return;
      setFinishNotice({
        severity: notice.severity,
        message: notice.message,
        action: notice.viewMemo ? (
          <Button
            href={`/analyses/${analysis.id}#memo`}
            color="inherit"
            size="small"
            sx={{ whiteSpace: "nowrap" }}
          >
            View memo
          </Button>
        ) : undefined,
      });
      setAnnouncement(notice.message);
      notifyAnalysisFinished(analysis, (href) => router.push(href));
      // Capture or release just changed the balance and the lists.
      void queryClient.invalidateQueries({ queryKey: queryKeys.credits });
      void queryClient.invalidateQueries({ queryKey: queryKeys.analysesList });
    },
    [router, queryClient],
  );

  const confirmCard = async (localId: string, flags: ConfirmFlags) => {
    const analysis = await confirmOne(localId, flags);
    if (analysis && itemsRef.current.length === 1) router.push(`/analyses/${analysis.id}`);
  };

  return (
    <Box
      sx={{
        display: "grid",
        gridTemplateColumns: { xs: "1fr", md: "minmax(0, 2fr) minmax(260px, 1fr)" },
        gap: { xs: 3, md: 4 },
        alignItems: "start",
      }}
    >
      <Stack spacing={2.5} sx={{ minWidth: 0 }}>
        <DropZone onFiles={addFiles} maxBytes={maxBytes} />

        {batches.uploads.map((upload) => (
          <BatchQuoteCard
            key={upload.localId}
            upload={upload}
            onRetry={() => batches.retry(upload)}
            onRemove={() => batches.remove(upload.localId)}
          />
        ))}

        <Box role="status" sx={visuallyHidden}>
          {announcement}
        </Box>

        <NotificationPrompt show={items.some((item) => item.phase === "queued")} />

        <Stack spacing={2}>
          {items.map((item) => (
            <QuoteCard
              key={item.localId}
              item={item}
              liveAvailable={liveAvailable}
              wordsPerPage={wordsPerPage}
              onConfirm={(flags) => void confirmCard(item.localId, flags)}
              onRemove={() => dispatch({ type: "remove", id: item.localId })}
              onRetryUpload={() => retryUpload(item)}
              onFinished={onFinished}
            />
          ))}
        </Stack>
      </Stack>

      <PricingExplainer
        wordsPerPage={wordsPerPage}
        pagesPerCredit={pagesPerCredit}
        minCredits={minCredits}
      />

      <NoticeToast
        notice={finishNotice}
        onClose={() => setFinishNotice(null)}
        autoHideMs={10_000}
        data-testid="analysis-notice"
      />
    </Box>
  );
}
