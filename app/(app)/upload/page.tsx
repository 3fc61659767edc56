import Typography from "@mui/material/Typography";
import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { UploadWorkspace } from "@/components/upload/upload-workspace";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "New analysis" };

export default function UploadPage() {
  return (
    <>
      <PageHeader
        title="New analysis"
        description="Upload one or more contracts. You'll see a fixed price for each before anything runs — and nothing is charged unless the analysis succeeds."
      />
      <UploadWorkspace
        maxBytes={env.MAX_UPLOAD_BYTES}
        wordsPerPage={env.WORDS_PER_PAGE}
        pagesPerCredit={env.PRICE_PAGES_PER_CREDIT}
        minCredits={env.PRICE_MIN_CREDITS}
      />
      <Typography
        variant="body2"
        sx={{ color: "text.secondary", mt: 3 }}
        data-testid="retention-footnote"
      >
        {retentionNote(env.DOCUMENT_RETENTION_DAYS)}
      </Typography>
    </>
  );
}

/** What is kept of an upload, and for how long (DOCUMENT_RETENTION_DAYS; 0 keeps files). */
function retentionNote(days: number): string {
  if (days <= 0) {
    return "Uploaded files, memos and results are kept until you delete them (from the analysis, or with your account).";
  }
  return `Uploaded files are deleted ${days} ${days === 1 ? "day" : "days"} after upload; your memos and results stay until you delete them.`;
}
