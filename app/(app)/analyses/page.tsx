import AddIcon from "@mui/icons-material/Add";
import Button from "@mui/material/Button";
import type { Metadata } from "next";
import { AnalysesList } from "@/components/analyses/analyses-list";
import { RecentBatches } from "@/components/batches/recent-batches";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "My analyses" };

export default function AnalysesPage() {
  return (
    <>
      <PageHeader
        title="My analyses"
        description="Everything you've uploaded, newest first. Analyses keep running after you close the tab."
        actions={
          <Button href="/upload" variant="contained" startIcon={<AddIcon />}>
            New analysis
          </Button>
        }
      />
      <RecentBatches />
      <AnalysesList />
    </>
  );
}
