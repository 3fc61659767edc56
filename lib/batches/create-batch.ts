import { eq } from "drizzle-orm";
import { findEarlierAnalyses } from "@/lib/analyses/find-earlier-analyses";
import { assertUserEnabled } from "@/lib/auth/set-user-disabled";
import { db } from "@/lib/db/client";
import { type BatchProblem, batches } from "@/lib/db/schema";
import { sanitizeFilename } from "@/lib/documents/sanitize-filename";
import { storeUploadedDocument } from "@/lib/documents/store-uploaded-document";
import { env } from "@/lib/env";
import type { ReceivedUpload } from "@/lib/http/read-many-uploads";
import { logger } from "@/lib/logger";
import type { BatchView } from "./batch-view";
import { earlierAnalysisProblem } from "./earlier-analysis-problem";
import { getBatchView } from "./get-batch";
import {
  type BatchBudget,
  type BatchFile,
  isContractArchive,
  problemOf,
  unpackContractArchive,
} from "./unpack-contract-archive";

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** Web Crypto's digest runs off the event loop (a batch holds up to BATCH_MAX_BYTES). */
async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Upload bytes live in plain ArrayBuffers (never shared), which is what digest's type asks for.
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString("hex");
}

/** The files of an upload, ZIPs unpacked, and what was left out of it (with the reason). */
async function collectFiles(
  uploads: readonly ReceivedUpload[],
): Promise<{ files: BatchFile[]; problems: BatchProblem[] }> {
  const budget: BatchBudget = { filesLeft: env.BATCH_MAX_FILES, bytesLeft: env.BATCH_MAX_BYTES };
  const files: BatchFile[] = [];
  const problems: BatchProblem[] = [];
  for (const upload of uploads) {
    const filename = sanitizeFilename(upload.originalName);
    if ("tooLarge" in upload) {
      problems.push({
        filename,
        code: "payload_too_large",
        message: `This file is larger than the ${mb(env.MAX_UPLOAD_BYTES)} MB upload limit. Nothing was charged.`,
      });
    } else if (isContractArchive(upload.originalName, upload.bytes)) {
      const unpacked = await unpackContractArchive(upload, budget);
      files.push(...unpacked.files);
      problems.push(...unpacked.problems);
    } else if (budget.filesLeft <= 0) {
      problems.push({
        filename,
        code: "too_many_files",
        message: `A batch holds at most ${env.BATCH_MAX_FILES} files; upload this one in another batch. Nothing was charged.`,
      });
    } else {
      budget.filesLeft -= 1;
      budget.bytesLeft -= upload.bytes.byteLength;
      files.push(upload);
    }
  }
  return { files, problems };
}

/** "contracts.zip" for one upload, "12 files" for several. */
function batchName(uploads: readonly ReceivedUpload[]): string {
  const [only] = uploads;
  return uploads.length === 1 && only
    ? sanitizeFilename(only.originalName)
    : `${uploads.length} files`;
}

/**
 * A bulk upload: every file (ZIPs unpacked) goes through `storeUploadedDocument`, exactly the path
 * of a single upload (sniffing and inspection in the reader pool, the same limits, a `quoted`
 * analysis priced on the server), one after the other so a batch takes one reader at a time. A
 * file that fails is a problem of the batch — left out and free — never a failure of the batch;
 * so is a second copy of a file in the batch, and a file the user already has a memo of or is
 * having analysed.
 */
export async function createBatch(input: {
  userId: string;
  uploads: readonly ReceivedUpload[];
  /** Called with the number of files to read once ZIPs are unpacked, before anything is written
   *  (the route's rate limit counts each file); throwing refuses the whole batch. */
  beforeReading?: (fileCount: number) => Promise<void>;
}): Promise<BatchView> {
  await assertUserEnabled(input.userId);
  const { files, problems } = await collectFiles(input.uploads);
  await input.beforeReading?.(files.length);
  const [batch] = await db
    .insert(batches)
    .values({ userId: input.userId, name: batchName(input.uploads) })
    .returning({ id: batches.id });
  const batchId = batch!.id;

  // The same bytes twice in one batch (a file picked again, a copy inside the ZIP too) are read
  // and charged once: the later copies are left out, free, naming the copy that stays.
  const firstCopyOf = new Map<string, string>();
  for (const file of files) {
    const filename = sanitizeFilename(file.originalName);
    const digest = await sha256Hex(file.bytes);
    const firstCopy = firstCopyOf.get(digest);
    if (firstCopy !== undefined) {
      problems.push({
        filename,
        code: "duplicate_in_batch",
        message: `The same file as ${firstCopy} in this batch, which is analyzed once. Nothing was charged.`,
      });
      continue;
    }
    firstCopyOf.set(digest, filename);
    // A file the user has a memo of already, or one being analysed: the same bytes give the same
    // memo, so a bulk upload does not buy it again (a single upload offers it too).
    const earlier = earlierAnalysisProblem(
      filename,
      await findEarlierAnalyses(db, { userId: input.userId, sha256: digest }),
    );
    if (earlier) {
      problems.push(earlier);
      continue;
    }
    try {
      await storeUploadedDocument({ userId: input.userId, batchId, ...file });
    } catch (error) {
      const problem = problemOf(filename, error);
      if (problem) {
        problems.push(problem);
        continue;
      }
      // Not the file's fault: still left out (and free), and logged for us.
      logger.error({ err: error, batchId }, "a batch file could not be stored");
      problems.push({
        filename,
        code: "internal",
        message:
          "This file could not be read because of an error on our side. Upload it again in a moment. Nothing was charged.",
      });
    }
  }
  if (problems.length > 0) {
    await db.update(batches).set({ problems }).where(eq(batches.id, batchId));
  }
  return getBatchView({ userId: input.userId, batchId });
}
