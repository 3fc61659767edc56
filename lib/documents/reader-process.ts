// Entry of a reader-pool child process (see reader-pool.ts). Loaded by tinypool through tsx;
// imports the readers at the top so the process is warm before its first task.
import { AppError } from "@/lib/errors";
import { extractDocumentText } from "./extract-document-text";
import { inspectDocumentInProcess } from "./inspect-document-in-process";
import type { ReaderReply, ReaderTask } from "./reader-task";

/**
 * Runs one task and always answers with data, never a thrown error: errors cross the process
 * boundary as plain objects, so the parent rebuilds the typed AppError/DocumentError.
 */
export default async function runReaderTask(task: ReaderTask): Promise<ReaderReply> {
  try {
    if (task.op === "inspect") {
      return { ok: true, op: "inspect", value: await inspectDocumentInProcess(task.bytes) };
    }
    return {
      ok: true,
      op: "extract",
      value: await extractDocumentText(task.bytes, task.kind, task.options),
    };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
    }
    return {
      ok: false,
      error: { code: "internal", message: String((error as Error)?.stack), details: undefined },
    };
  }
}
