import { inflateRawSync } from "node:zlib";
import { DocumentError } from "@/lib/errors";
import type { ZipEntry } from "./read-zip-directory";

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_LENGTH = 30;
const ENCRYPTED_FLAG = 0x1;

function corrupt(detail: string): DocumentError {
  return new DocumentError(
    "corrupt",
    `This file is damaged and cannot be opened (${detail}). Re-save it and upload it again.`,
  );
}

/**
 * The compressed bytes of one entry. The local header's own name/extra lengths decide where the
 * data starts (they may differ from the central directory's), exactly as jszip does it.
 */
export function getZipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & ENCRYPTED_FLAG) throw corrupt(`"${entry.name}" is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw corrupt(`"${entry.name}" uses an unsupported compression method`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_LENGTH > bytes.byteLength) throw corrupt("archive is truncated");
  if (view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) throw corrupt("bad file header");

  const dataAt =
    at + LOCAL_HEADER_LENGTH + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataAt + entry.compressedSize;
  if (dataEnd > bytes.byteLength) throw corrupt("archive is truncated");
  return bytes.subarray(dataAt, dataEnd);
}

/**
 * Decompresses one small entry (e.g. `[Content_Types].xml`) with a hard output cap, so even a
 * part whose header lies about its size cannot blow up memory. Returns undefined if the entry
 * inflates to more than `maxBytes`.
 */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): Uint8Array | undefined {
  const data = getZipEntryData(bytes, entry);
  if (entry.method === 0) return data.byteLength > maxBytes ? undefined : data;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw corrupt(`"${entry.name}" cannot be decompressed`);
  }
}
