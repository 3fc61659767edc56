import { createInflateRaw } from "node:zlib";
import { DocumentError } from "@/lib/errors";
import type { ZipEntry } from "./read-zip-directory";
import { getZipEntryData } from "./read-zip-entry";

/** No genuine contract comes close; mammoth holds whole parts in memory, so this is a hard cap. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/**
 * Word XML typically compresses 5–20×. Deflate tops out near 1032×, which is what bombs use.
 * Small entries are exempt: a highly repetitive 100 KB styles part is harmless.
 */
export const MAX_ZIP_ENTRY_RATIO = 100;
const RATIO_EXEMPT_BYTES = 1024 * 1024;

function bomb(detail: string): DocumentError {
  return new DocumentError(
    "decompression_bomb",
    `This file expands to far more data than a real document (${detail}). It was rejected to protect the service.`,
  );
}

/**
 * Inflates a deflate stream, counting output and discarding it, and stops as soon as the count
 * passes `limit`. Memory use is one chunk regardless of how large the entry really is.
 */
function measureInflatedSize(compressed: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    inflate.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        inflate.destroy();
        resolve(total);
      }
    });
    inflate.on("end", () => resolve(total));
    inflate.on("error", reject);
    inflate.end(compressed);
  });
}

/**
 * Rejects ZIP archives that would decompress into something huge, BEFORE a library that trusts
 * the archive (mammoth → jszip, which never caps output) touches them. Declared sizes are checked
 * first (cheap), then every entry is actually inflated with a counter, because the declared sizes
 * are attacker-controlled and jszip does not enforce them.
 */
export async function assertZipNotBomb(bytes: Uint8Array, entries: ZipEntry[]): Promise<void> {
  let declaredTotal = 0;
  for (const entry of entries) {
    declaredTotal += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > RATIO_EXEMPT_BYTES && ratio > MAX_ZIP_ENTRY_RATIO) {
      throw bomb(`"${entry.name}" is compressed ${Math.round(ratio)}:1`);
    }
  }
  if (declaredTotal > MAX_ZIP_UNCOMPRESSED_BYTES) {
    throw bomb(`${Math.round(declaredTotal / 1024 / 1024)} MB uncompressed`);
  }

  let actualTotal = 0;
  for (const entry of entries) {
    const data = getZipEntryData(bytes, entry);
    let size = data.byteLength;
    if (entry.method === 8) {
      try {
        size = await measureInflatedSize(data, entry.uncompressedSize);
      } catch {
        throw new DocumentError(
          "corrupt",
          `This file is damaged and cannot be opened ("${entry.name}" cannot be decompressed). Re-save it and upload it again.`,
        );
      }
    }
    if (size > entry.uncompressedSize) {
      throw bomb(`"${entry.name}" is larger than its header claims`);
    }
    actualTotal += size;
    if (actualTotal > MAX_ZIP_UNCOMPRESSED_BYTES) {
      throw bomb(`over ${MAX_ZIP_UNCOMPRESSED_BYTES / 1024 / 1024} MB uncompressed`);
    }
  }
}
