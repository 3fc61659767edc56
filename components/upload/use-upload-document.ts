"use client";

import { useMutation } from "@tanstack/react-query";
import { useRefreshAfterMutation } from "@/components/analyses/confirm";
import type { UploadResponse } from "@/components/api-types";
import { fetchJson } from "@/components/fetch-json";

/**
 * Upload one file and get its quote. Several uploads run at once through one mutation
 * (`mutateAsync` per file; each card keeps its own phase in the workspace's reducer). A plain
 * fetch, not XHR: the server quotes only after it has read the whole file, and the card shows
 * "uploading" until then, so byte-level progress would add little.
 */
export function useUploadDocument() {
  const refresh = useRefreshAfterMutation();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return fetchJson<UploadResponse>("/api/documents", { method: "POST", body });
    },
    // A new quote shows up under My analyses.
    onSuccess: () => refresh(),
  });
}
