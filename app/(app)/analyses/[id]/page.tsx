import type { Metadata } from "next";
import { AnalysisDetail } from "@/components/analyses/analysis-detail";

export const metadata: Metadata = { title: "Analysis" };

export default async function AnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AnalysisDetail key={id} id={id} />;
}
