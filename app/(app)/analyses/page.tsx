import AddIcon from "@mui/icons-material/Add";
import Button from "@mui/material/Button";
import type { Metadata } from "next";
import { Suspense } from "react";
import { AnalysesList } from "@/components/analyses/analyses-list";
import { RecentBatches } from "@/components/batches/recent-batches";
import { Notice } from "@/components/notice";
import { PageHeader } from "@/components/page-header";
import type { SearchParams } from "@/lib/http/first-param";

export const metadata: Metadata = { title: "My analyses" };

export default async function AnalysesPage({ searchParams }: { searchParams: SearchParams }) {
  // Set by "Delete" (components/analyses/use-delete-analysis.ts) when it sends the user here.
  const deleted = (await searchParams).deleted === "1";
  return (
    <>
      <PageHeader
        title="My analyses"
        description="Everything you've uploaded: search, filter and sort it. Analyses keep running after you close the tab."
        actions={
          <Button href="/upload" variant="contained" startIcon={<AddIcon />}>
            New analysis
          </Button>
        }
      />
      {deleted ? (
        <Notice severity="success" sx={{ mb: 2 }} data-testid="deleted-notice">
          Deleted. The file, memo and results are gone; your credit history keeps its entries.
        </Notice>
      ) : null}
      <RecentBatches />
      <Suspense>
        <AnalysesList />
      </Suspense>
    </>
  );
}
