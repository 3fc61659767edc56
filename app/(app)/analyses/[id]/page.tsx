import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { z } from "zod";
import { AnalysisDetail } from "@/components/analyses/analysis-detail";
import { queryKeys } from "@/components/query-keys";
import { getAnalysisView } from "@/lib/analyses/get-analysis";
import { getAnalysisResult } from "@/lib/analyses/get-analysis-result";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Analysis" };

/** As the API sends it: dates as ISO strings, exactly what the client's queries hold. */
const asJson = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * The analysis and (once succeeded) its result, read on the server with the same domain
 * functions and the same owner check as `GET /api/analyses/:id` and `/result`, and handed to
 * React Query: a reopened analysis paints its status and key terms at once, then polls as before.
 * Not found (or someone else's) is left to the client, which says so.
 */
async function prefetchAnalysis(id: string): Promise<QueryClient> {
  const queryClient = new QueryClient();
  const analysisId = z.string().uuid().safeParse(id);
  if (!analysisId.success) return queryClient;
  const user = await requireUser();
  try {
    const analysis = await getAnalysisView({ userId: user.id, analysisId: analysisId.data });
    queryClient.setQueryData(queryKeys.analysis(id), asJson({ analysis }));
    if (analysis.status === "succeeded") {
      const result = await getAnalysisResult({ userId: user.id, analysisId: analysisId.data });
      queryClient.setQueryData(queryKeys.analysisResult(id), asJson(result));
    }
  } catch (error) {
    if (!(error instanceof AppError && error.code === "not_found")) throw error;
  }
  return queryClient;
}

export default async function AnalysisPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const queryClient = await prefetchAnalysis(id);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AnalysisDetail key={id} id={id} />
    </HydrationBoundary>
  );
}
