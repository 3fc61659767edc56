import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import type { BatchProblem } from "@/lib/db/schema";
import { assertZipNotBomb } from "@/lib/documents/assert-zip-not-bomb";
import { readZipDirectory, type ZipEntry } from "@/lib/documents/read-zip-directory";
import { getZipEntryData } from "@/lib/documents/read-zip-entry";
import { sanitizeFilename } from "@/lib/documents/sanitize-filename";
import { env } from "@/lib/env";
import { AppError, DocumentError } from "@/lib/errors";

// zlib's async inflate runs on libuv's thread pool, not on this event loop.
const inflateRawAsync = promisify(inflateRaw);

export type BatchFile = { originalName: string; bytes: Uint8Array };

/** What a batch may still take: files and (unpacked) bytes, shared by everything it receives. */
export type BatchBudget = { filesLeft: number; bytesLeft: number };

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/**
 * A ZIP that is an archive of files rather than an Office document (a .docx is a ZIP too, with a
 * `[Content_Types].xml` part). Decided from the bytes, as every upload is; a ZIP whose directory
 * cannot be read counts as an archive only when it is named .zip (else the reader reports it).
 */
export function isContractArchive(originalName: string, bytes: Uint8Array): boolean {
  if (!ZIP_SIGNATURES.some((sig) => sig.every((byte, i) => bytes[i] === byte))) return false;
  try {
    return !readZipDirectory(bytes).some((e) => e.name.toLowerCase() === "[content_types].xml");
  } catch {
    return originalName.toLowerCase().endsWith(".zip");
  }
}

export function problemOf(filename: string, error: unknown): BatchProblem | null {
  if (error instanceof DocumentError)
    return { filename, code: error.reason, message: error.message };
  if (error instanceof AppError) return { filename, code: error.code, message: error.message };
  return null;
}

/** Absolute paths, drive letters and `..` segments: an archive trying to write outside itself. */
function isUnsafePath(segments: string[], name: string): boolean {
  return name.startsWith("/") || /^[a-z]:/i.test(name) || segments.includes("..");
}

/** macOS resource forks and hidden files (`.DS_Store`, `.git/…`) are not contracts. */
function isSkipped(segments: string[]): boolean {
  return segments[0] === "__MACOSX" || segments.some((s) => s.startsWith(".") && s !== ".");
}

async function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const data = getZipEntryData(bytes, entry);
  if (entry.method === 0) return data.slice();
  try {
    // assertZipNotBomb measured it; the cap makes that measurement binding here too.
    return new Uint8Array(
      await inflateRawAsync(data, { maxOutputLength: Math.max(entry.uncompressedSize, 1) }),
    );
  } catch {
    throw new DocumentError(
      "corrupt",
      `This file is damaged and cannot be opened ("${entry.name}" cannot be decompressed). Re-save it and upload it again.`,
    );
  }
}

/**
 * The files of an uploaded ZIP, safely: folders, `__MACOSX/` and dot-files are skipped; an unsafe
 * path, a nested archive, an entry over the upload limit, a bomb (the same checks as a .docx gets)
 * or anything past the batch's budget becomes a problem of that entry, never an error of the batch.
 * Entries are inflated one at a time, off the event loop, each capped at its checked size.
 */
export async function unpackContractArchive(
  archive: BatchFile,
  budget: BatchBudget,
): Promise<{ files: BatchFile[]; problems: BatchProblem[] }> {
  const archiveName = sanitizeFilename(archive.originalName);
  const files: BatchFile[] = [];
  const problems: BatchProblem[] = [];
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(archive.bytes);
  } catch (error) {
    const problem = problemOf(archiveName, error);
    if (!problem) throw error;
    return { files, problems: [problem] };
  }

  for (const entry of entries) {
    const segments = entry.name.split(/[/\\]/);
    const filename = `${archiveName}: ${sanitizeFilename(entry.name)}`;
    const leaveOut = (code: string, message: string) => problems.push({ filename, code, message });
    // A folder entry writes nothing, wherever it points.
    if (entry.name.endsWith("/")) continue;
    if (isUnsafePath(segments, entry.name)) {
      leaveOut(
        "unsafe_path",
        "Its path inside the archive points outside the archive, so it was left out. Nothing was charged.",
      );
      continue;
    }
    if (isSkipped(segments)) continue;
    if (entry.name.toLowerCase().endsWith(".zip")) {
      leaveOut(
        "nested_archive",
        "Archives inside an archive are not unpacked. Put its contracts in the main ZIP and upload again. Nothing was charged.",
      );
      continue;
    }
    if (budget.filesLeft <= 0) {
      leaveOut(
        "too_many_files",
        `A batch holds at most ${env.BATCH_MAX_FILES} files; upload this one in another batch. Nothing was charged.`,
      );
      continue;
    }
    if (entry.uncompressedSize > env.MAX_UPLOAD_BYTES) {
      leaveOut(
        "payload_too_large",
        `This file is larger than the ${Math.floor(env.MAX_UPLOAD_BYTES / 1024 / 1024)} MB upload limit. Nothing was charged.`,
      );
      continue;
    }
    if (entry.uncompressedSize > budget.bytesLeft) {
      leaveOut(
        "batch_too_large",
        `The archive unpacks to more than the ${Math.floor(env.BATCH_MAX_BYTES / 1024 / 1024)} MB a batch may hold; upload this file in another batch. Nothing was charged.`,
      );
      continue;
    }
    try {
      await assertZipNotBomb(archive.bytes, [entry]);
      const bytes = await inflateEntry(archive.bytes, entry);
      if (isContractArchive(entry.name, bytes) && !entry.name.toLowerCase().endsWith(".docx")) {
        leaveOut(
          "nested_archive",
          "Archives inside an archive are not unpacked. Put its contracts in the main ZIP and upload again. Nothing was charged.",
        );
        continue;
      }
      budget.filesLeft -= 1;
      budget.bytesLeft -= bytes.byteLength;
      files.push({ originalName: entry.name, bytes });
    } catch (error) {
      const problem = problemOf(filename, error);
      if (!problem) throw error;
      problems.push(problem);
    }
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push({
      filename: archiveName,
      code: "empty_archive",
      message:
        "This archive holds no contracts, only folders or hidden files. Put the contracts in it and upload it again. Nothing was charged.",
    });
  }
  return { files, problems };
}
