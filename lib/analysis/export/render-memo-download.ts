import type { StoredMemo } from "@/lib/analyses/get-analysis";
import { AppError } from "@/lib/errors";
import { buildMemoModel } from "../memo/build-memo-model";
import type { MemoModel } from "../memo/memo-model";
import { analysisResultSchema } from "../result-schema";
import { MEMO_FORMAT_INFO, type MemoFormat } from "./memo-formats";
import { renderMemoDocx } from "./render-memo-docx";
import { renderMemoPdf } from "./render-memo-pdf";

export type MemoDownload = { body: string | Uint8Array<ArrayBuffer>; contentType: string };

/** The structured memo behind a stored result, with the same facts the Markdown was written with. */
function modelFor(memo: StoredMemo): MemoModel {
  const parsed = analysisResultSchema.safeParse(memo.result);
  if (!parsed.success) {
    // Only a result from an incompatible older version gets here; its Markdown is still there.
    throw new AppError(
      "conflict",
      "This memo can only be downloaded as Markdown: it was made by an older version of the analysis.",
    );
  }
  return buildMemoModel(parsed.data, {
    documentName: memo.documentName,
    pageCount: memo.pageCount,
    unitLabel: memo.unitLabel,
    generatedAt: memo.generatedAt,
  });
}

/**
 * The memo in one format. Markdown is the text saved when the analysis finished; DOCX and PDF are
 * rendered from the saved result on each download (tens of milliseconds), so nothing else is stored.
 */
export async function renderMemoDownload(
  memo: StoredMemo,
  format: MemoFormat,
): Promise<MemoDownload> {
  const { contentType } = MEMO_FORMAT_INFO[format];
  switch (format) {
    case "md":
      return { body: memo.markdown, contentType };
    case "docx":
      return { body: new Uint8Array(await renderMemoDocx(modelFor(memo))), contentType };
    case "pdf":
      return { body: new Uint8Array(await renderMemoPdf(modelFor(memo))), contentType };
  }
}
