import type { ConfirmFailure } from "@/components/analyses/confirm";
import type { AnalysisView, UploadResponse } from "@/components/api-types";

export type UploadPhase = "uploading" | "upload-error" | "quoted" | "confirming" | "queued";

export type UploadItem = {
  localId: string;
  fileName: string;
  fileSize: number;
  /** Kept for "Try again" after a failed upload; dropped once the server has the file. */
  file: File | null;
  phase: UploadPhase;
  uploadError: string | null;
  retryable: boolean;
  result: UploadResponse | null;
  /** Generated once per card; reused by retries so a confirm can never run twice. */
  idempotencyKey: string;
  confirmFailure: ConfirmFailure | null;
  analysis: AnalysisView | null;
};

export type UploadAction =
  | { type: "add"; items: UploadItem[] }
  | { type: "upload-retry"; id: string }
  | { type: "upload-ok"; id: string; result: UploadResponse }
  | { type: "upload-failed"; id: string; message: string; retryable: boolean }
  | { type: "confirm-start"; id: string }
  | { type: "confirm-ok"; id: string; analysis: AnalysisView }
  | { type: "confirm-failed"; id: string; failure: ConfirmFailure; nextKey: string | null }
  | { type: "remove"; id: string };

function update(items: UploadItem[], id: string, patch: Partial<UploadItem>): UploadItem[] {
  return items.map((item) => (item.localId === id ? { ...item, ...patch } : item));
}

export function uploadReducer(items: UploadItem[], action: UploadAction): UploadItem[] {
  switch (action.type) {
    case "add":
      return [...items, ...action.items];
    case "upload-retry":
      return update(items, action.id, { phase: "uploading", uploadError: null });
    case "upload-ok":
      return update(items, action.id, {
        phase: "quoted",
        result: action.result,
        file: null,
        uploadError: null,
      });
    case "upload-failed":
      return update(items, action.id, {
        phase: "upload-error",
        uploadError: action.message,
        retryable: action.retryable,
      });
    case "confirm-start":
      return update(items, action.id, { phase: "confirming", confirmFailure: null });
    case "confirm-ok":
      return update(items, action.id, {
        phase: "queued",
        analysis: action.analysis,
        confirmFailure: null,
      });
    case "confirm-failed": {
      const current = items.find((i) => i.localId === action.id);
      return update(items, action.id, {
        phase: "quoted",
        confirmFailure: action.failure,
        idempotencyKey: action.nextKey ?? current?.idempotencyKey ?? "",
      });
    }
    case "remove":
      return items.filter((item) => item.localId !== action.id);
  }
}
