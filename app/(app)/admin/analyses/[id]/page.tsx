import type { Metadata } from "next";
import { AdminAnalysisDetailView } from "@/components/admin/admin-analysis-detail";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analysis · Admin" };

export default async function AdminAnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  return <AdminAnalysisDetailView analysisId={id} />;
}
