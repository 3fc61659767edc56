"use client";

import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { useEffect, useState } from "react";
import { AnalysisMemoSection } from "@/components/analyses/analysis-memo-section";
import { AnalysisSummaryCard } from "@/components/analyses/analysis-summary-card";
import { CitationDrawer, type CitedUnit } from "@/components/analyses/citation-drawer";
import { FindingsView } from "@/components/analyses/findings-view";
import { useAnalysisResult } from "@/components/analyses/use-analysis-result";
import { errorMessage } from "@/components/fetch-json";
import { Notice } from "@/components/notice";

type OutcomeTab = "findings" | "memo";

/** The tab the address asks for: `#memo` (the "View memo" notice links there) opens the memo. */
const tabOfHash = (): OutcomeTab => (window.location.hash === "#memo" ? "memo" : "findings");

/**
 * What a succeeded analysis found: the key terms and risk flags first, then two tabs — the
 * findings with their evidence, and the full memo (not repeated inline). Every citation (a
 * finding's, a risk flag's, a page reference in the memo) opens the one citation drawer.
 */
export function AnalysisOutcome({ analysisId }: { analysisId: string }) {
  const query = useAnalysisResult(analysisId);
  const [tab, setTab] = useState<OutcomeTab>("findings");
  // The memo loads when its tab is first opened, and stays mounted after.
  const [memoOpened, setMemoOpened] = useState(false);
  const [cited, setCited] = useState<CitedUnit | null>(null);
  const show = (next: OutcomeTab) => {
    setTab(next);
    if (next === "memo") setMemoOpened(true);
  };
  useEffect(() => {
    const follow = () => {
      const next = tabOfHash();
      setTab(next);
      if (next === "memo") setMemoOpened(true);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  if (query.isPending) {
    return <Skeleton variant="rounded" height={200} data-testid="analysis-summary-skeleton" />;
  }
  if (query.isError) {
    return (
      <Notice severity="error" onRetry={() => void query.refetch()}>
        Couldn't load the findings. {errorMessage(query.error)}
      </Notice>
    );
  }
  const { documentId, result } = query.data;
  return (
    <Stack spacing={2}>
      <AnalysisSummaryCard result={result} onCite={setCited} />
      <Paper variant="outlined">
        <Tabs
          value={tab}
          onChange={(_event, next: OutcomeTab) => show(next)}
          aria-label="Findings and memo"
          sx={{ borderBottom: 1, borderColor: "divider", px: { xs: 1, sm: 2 } }}
        >
          <Tab
            value="findings"
            label="Findings"
            id="tab-findings"
            aria-controls="panel-findings"
            data-testid="tab-findings"
          />
          <Tab
            value="memo"
            label="Memo"
            id="tab-memo"
            aria-controls="panel-memo"
            data-testid="tab-memo"
          />
        </Tabs>
        <Box
          role="tabpanel"
          id="panel-findings"
          aria-labelledby="tab-findings"
          hidden={tab !== "findings"}
          sx={{ p: { xs: 1.5, sm: 2.5 } }}
        >
          <FindingsView result={result} onCite={setCited} />
        </Box>
        <Box
          role="tabpanel"
          id="panel-memo"
          aria-labelledby="tab-memo"
          hidden={tab !== "memo"}
          sx={{ p: { xs: 2, sm: 3 } }}
        >
          {memoOpened ? <AnalysisMemoSection analysisId={analysisId} onCite={setCited} /> : null}
        </Box>
      </Paper>
      <CitationDrawer documentId={documentId} cited={cited} onClose={() => setCited(null)} />
    </Stack>
  );
}
