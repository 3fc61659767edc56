import { DocumentError } from "@/lib/errors";

export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflate; the only two methods Word (and jszip/mammoth) use. */
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared by the archive. Attacker-controlled: verify before trusting it with memory. */
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_MIN_LENGTH = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_LENGTH = 46;
const ZIP64_EXTRA_FIELD_ID = 0x0001;
const MAX_COMMENT_LENGTH = 0xffff;

/**
 * A Word document has a few dozen parts. Thousands of entries is either a different kind of
 * archive or an attempt to make us do per-entry work many times over.
 */
export const MAX_ZIP_ENTRIES = 10_000;

function corrupt(detail: string): DocumentError {
  return new DocumentError(
    "corrupt",
    `This file is damaged and cannot be opened (${detail}). Re-save it and upload it again.`,
  );
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${what} is out of range`);
  return Number(value);
}

type Directory = {
  entryCount: number;
  size: number;
  offset: number;
  /** Where the directory must end: the (ZIP64) end record that follows it. */
  expectedEnd: number;
};

/** Finds the end-of-central-directory record by scanning backwards, like every unzip tool. */
function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_MIN_LENGTH;
  const first = Math.max(0, last - MAX_COMMENT_LENGTH);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw corrupt("no ZIP directory found");
}

function readZip64Directory(view: DataView, eocdAt: number): Directory {
  const locatorAt = eocdAt - 20;
  if (locatorAt < 0 || view.getUint32(locatorAt, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw corrupt("ZIP64 locator missing");
  }
  const recordAt = toSafeNumber(view.getBigUint64(locatorAt + 8, true), "ZIP64 record offset");
  if (recordAt + 56 > view.byteLength || view.getUint32(recordAt, true) !== ZIP64_EOCD_SIGNATURE) {
    throw corrupt("ZIP64 directory record missing");
  }
  return {
    entryCount: toSafeNumber(view.getBigUint64(recordAt + 32, true), "entry count"),
    size: toSafeNumber(view.getBigUint64(recordAt + 40, true), "directory size"),
    offset: toSafeNumber(view.getBigUint64(recordAt + 48, true), "directory offset"),
    expectedEnd: recordAt,
  };
}

function readDirectoryLocation(view: DataView): Directory {
  const eocdAt = findEndOfCentralDirectory(view);
  const disk = view.getUint16(eocdAt + 4, true);
  const directoryDisk = view.getUint16(eocdAt + 6, true);
  if (disk !== 0 || directoryDisk !== 0) throw corrupt("multi-part archives are not supported");

  const entryCount = view.getUint16(eocdAt + 10, true);
  const size = view.getUint32(eocdAt + 12, true);
  const offset = view.getUint32(eocdAt + 16, true);
  const usesZip64 = entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff;
  return usesZip64
    ? readZip64Directory(view, eocdAt)
    : { entryCount, size, offset, expectedEnd: eocdAt };
}

type Zip64Sizes = { uncompressedSize: number; compressedSize: number; localHeaderOffset: number };

/** Only the fields whose 32-bit slot is saturated are present, in this fixed order. */
function applyZip64Extra(view: DataView, extraAt: number, extraEnd: number, sizes: Zip64Sizes) {
  let at = extraAt;
  while (at + 4 <= extraEnd) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    const dataEnd = at + 4 + length;
    if (dataEnd > extraEnd) throw corrupt("bad extra field");
    if (id === ZIP64_EXTRA_FIELD_ID) {
      let field = at + 4;
      const next = (what: string): number => {
        if (field + 8 > dataEnd) throw corrupt("bad ZIP64 field");
        const value = toSafeNumber(view.getBigUint64(field, true), what);
        field += 8;
        return value;
      };
      if (sizes.uncompressedSize === 0xffffffff) sizes.uncompressedSize = next("entry size");
      if (sizes.compressedSize === 0xffffffff) sizes.compressedSize = next("entry size");
      if (sizes.localHeaderOffset === 0xffffffff) sizes.localHeaderOffset = next("entry offset");
      return;
    }
    at = dataEnd;
  }
}

/**
 * Reads the ZIP central directory without decompressing anything. We parse it ourselves because
 * jszip only exposes the declared sizes through the private, untyped `_data` field.
 * Throws DocumentError("corrupt") for anything malformed.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.byteLength < EOCD_MIN_LENGTH) throw corrupt("archive is truncated");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readDirectoryLocation(view);

  if (directory.entryCount > MAX_ZIP_ENTRIES) {
    throw new DocumentError(
      "decompression_bomb",
      `This archive contains ${directory.entryCount} files, far more than any Word document. It was rejected to protect the service.`,
    );
  }
  const directoryEnd = directory.offset + directory.size;
  // jszip "repairs" a directory that does not end where the end record starts by shifting every
  // offset; we refuse instead, so it can never read a different directory than the one we vetted.
  if (directoryEnd !== directory.expectedEnd) throw corrupt("directory location is inconsistent");

  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  for (let i = 0; i < directory.entryCount; i++) {
    if (at + CENTRAL_HEADER_LENGTH > directoryEnd) throw corrupt("directory is truncated");
    if (view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) throw corrupt("bad directory entry");

    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameAt = at + CENTRAL_HEADER_LENGTH;
    const extraAt = nameAt + nameLength;
    const next = extraAt + extraLength + commentLength;
    if (next > directoryEnd) throw corrupt("directory is truncated");

    const sizes: Zip64Sizes = {
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, extraAt, extraAt + extraLength, sizes);

    entries.push({
      name: decoder.decode(bytes.subarray(nameAt, extraAt)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      ...sizes,
    });
    at = next;
  }
  return entries;
}
