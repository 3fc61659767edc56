import { z } from "zod";
import { contentDispositionAttachment } from "@/lib/documents/sanitize-filename";
import { withUser } from "@/lib/http/json-route";
import { getAnalysisMemo } from "@/lib/jobs/get-analysis";

/** The memo as Markdown: a download by default, `?inline=1` for rendering in the page. */
export const GET = withUser<{ id: string }>(
  "/api/analyses/[id]/memo",
  async ({ request, user, params }) => {
    const analysisId = z.string().uuid().parse(params.id);
    const memo = await getAnalysisMemo({ userId: user.id, analysisId });
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    const base = memo.documentName.replace(/\.[^.]+$/, "");
    return new Response(memo.markdown, {
      headers: {
        "content-type": "text/markdown; charset=utf-8",
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        ...(inline
          ? {}
          : { "content-disposition": contentDispositionAttachment(`${base} - memo.md`) }),
      },
    });
  },
);
