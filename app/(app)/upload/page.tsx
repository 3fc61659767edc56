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
    </>
  );
}
