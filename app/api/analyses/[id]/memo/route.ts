import { z } from "zod";
import { getAnalysisMemo } from "@/lib/analyses/get-analysis";
import { MEMO_FORMATS, memoFilename } from "@/lib/analysis/export/memo-formats";
import { renderMemoDownload } from "@/lib/analysis/export/render-memo-download";
import { contentDispositionAttachment } from "@/lib/documents/sanitize-filename";
import { withUser } from "@/lib/http/json-route";

const formatSchema = z.enum(MEMO_FORMATS).default("md");

/**
 * The memo as Markdown (default), Word or PDF: a download, or with `?inline=1` the Markdown for
 * rendering in the page. Word and PDF are always attachments.
 */
export const GET = withUser<{ id: string }>(
  "/api/analyses/[id]/memo",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const search = new URL(request.url).searchParams;
    const format = formatSchema.parse(search.get("format") ?? undefined);
    const memo = await getAnalysisMemo({ userId: user.id, analysisId });
    const download = await renderMemoDownload(memo, format);
    const inline = format === "md" && search.get("inline") === "1";
    return new Response(download.body, {
      headers: {
        "content-type": download.contentType,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        ...(inline
          ? {}
          : {
              "content-disposition": contentDispositionAttachment(
                memoFilename(memo.documentName, format),
              ),
            }),
      },
    });
  },
);
