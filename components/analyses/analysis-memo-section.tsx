"use client";

import Box from "@mui/material/Box";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import { useQuery } from "@tanstack/react-query";
import type { CitedUnit } from "@/components/analyses/citation-drawer";
import { MemoView } from "@/components/analyses/memo-view";
import { errorMessage, fetchText } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";

/**
 * The memo of a succeeded analysis (Markdown, loaded once, when its tab is first opened); its
 * page and paragraph references open the cited unit. The download menu sits in the page heading.
 */
export function AnalysisMemoSection({
  analysisId,
  onCite,
}: {
  analysisId: string;
  onCite?: (cited: CitedUnit) => void;
}) {
  const memo = useQuery({
    queryKey: queryKeys.memo(analysisId),
    queryFn: ({ signal }) =>
      fetchText(`/api/analyses/${encodeURIComponent(analysisId)}/memo?inline=1`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Box
      component="section"
      aria-label="Review memo"
      id="memo"
      sx={{ px: { xs: 0, sm: 2 }, py: 1, maxWidth: 860, scrollMarginTop: 88 }}
      data-testid="memo"
    >
      {memo.isPending ? (
        <Stack spacing={1} role="status" aria-busy="true" aria-label="Loading memo">
          <Skeleton variant="text" width="40%" height={36} />
          <Skeleton variant="text" />
          <Skeleton variant="text" />
          <Skeleton variant="text" width="80%" />
        </Stack>
      ) : memo.isError ? (
        <Notice severity="error" onRetry={() => void memo.refetch()}>
          We couldn't load the memo. {errorMessage(memo.error)} You can still download it.
        </Notice>
      ) : (
        <MemoView
          markdown={memo.data}
          onOpenUnit={onCite ? (unit) => onCite({ ...unit, quote: null }) : undefined}
        />
      )}
    </Box>
  );
}
