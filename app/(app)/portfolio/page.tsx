import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { PortfolioView } from "@/components/portfolio/portfolio-view";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <>
      <PageHeader
        title="Portfolio"
        description="Your analyzed contracts side by side: who, how long, whether they renew, when notice is due. Download exactly these rows as a spreadsheet."
      />
      <Suspense>
        <PortfolioView />
      </Suspense>
    </>
  );
}
