"use client";

import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQuery } from "@tanstack/react-query";
import { MemoDownloadMenu } from "@/components/analyses/memo-download-menu";
import { MemoView } from "@/components/analyses/memo-view";
import { errorMessage, fetchText } from "@/components/fetch-json";
import { Notice } from "@/components/notice";
import { queryKeys } from "@/components/query-keys";
import { spaceBetweenRow } from "@/components/query-state";

/** The memo of a succeeded analysis (Markdown, loaded once), with its download menu. */
export function AnalysisMemoSection({ analysisId }: { analysisId: string }) {
  const memo = useQuery({
    queryKey: queryKeys.memo(analysisId),
    queryFn: ({ signal }) =>
      fetchText(`/api/analyses/${encodeURIComponent(analysisId)}/memo?inline=1`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby="memo-title"
      id="memo"
      sx={{ scrollMarginTop: 88, overflow: "hidden" }}
    >
      <Box
        sx={{
          ...spaceBetweenRow,
          gap: 1.5,
          px: { xs: 2, sm: 3 },
          py: 2,
          borderBottom: 1,
          borderColor: "divider",
          bgcolor: "background.default",
        }}
      >
        <Typography id="memo-title" variant="h5" component="h2">
          Review memo
        </Typography>
        <MemoDownloadMenu analysisId={analysisId} />
      </Box>
      <Box sx={{ px: { xs: 2, sm: 4 }, py: { xs: 2.5, sm: 4 }, maxWidth: 860 }} data-testid="memo">
        {memo.isPending ? (
          <Stack spacing={1} aria-busy="true" aria-label="Loading memo">
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
          <MemoView markdown={memo.data} />
        )}
      </Box>
    </Paper>
  );
}
