import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { zipSync } from "fflate";
import { memoFilename } from "@/lib/analysis/export/memo-formats";
import { batchIsLive } from "@/lib/batches/get-batch";
import { db } from "@/lib/db/client";
import { analyses, batches, documents } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

/** "Acme - memo.md", then "Acme - memo (2).md" for a second contract of the same name. */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    const dot = name.lastIndexOf(".");
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      candidate = `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * Every succeeded memo of a batch (the Markdown saved with the result, named as its single
 * download is) in one ZIP. Compressed in memory: a batch has at most BATCH_MAX_FILES memos of
 * tens of KB each, a few milliseconds of deflate.
 */
export async function buildMemosZip(input: {
  userId: string;
  batchId: string;
}): Promise<{ filename: string; bytes: Uint8Array<ArrayBuffer> }> {
  const [batch] = await db
    .select({ name: batches.name })
    .from(batches)
    .where(and(eq(batches.id, input.batchId), eq(batches.userId, input.userId), batchIsLive));
  if (!batch) throw notFound("Batch");
  const memos = await db
    .select({ documentName: documents.filename, markdown: analyses.memoMarkdown })
    .from(analyses)
    .innerJoin(documents, eq(documents.id, analyses.documentId))
    .where(
      and(
        eq(analyses.batchId, input.batchId),
        eq(analyses.status, "succeeded"),
        isNull(analyses.deletedAt),
        isNotNull(analyses.memoMarkdown),
      ),
    )
    .orderBy(asc(analyses.createdAt), asc(analyses.id));
  if (memos.length === 0) {
    throw new AppError(
      "conflict",
      "No memo of this batch is ready yet. Download them once an analysis has succeeded.",
    );
  }
  const names = uniqueNames(memos.map((m) => memoFilename(m.documentName, "md")));
  const encoder = new TextEncoder();
  const zipped = zipSync(
    Object.fromEntries(memos.map((m, i) => [names[i]!, encoder.encode(m.markdown ?? "")])),
    { level: 6 },
  );
  return {
    filename: `${batch.name.replace(/\.[^.]+$/, "")} - memos.zip`,
    bytes: new Uint8Array(zipped),
  };
}
