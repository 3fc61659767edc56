import { type FileTypeResult, fileTypeFromBuffer } from "file-type";
import { AppError, DocumentError } from "@/lib/errors";
import { decodeText } from "./decode-text";
import { describeFileType } from "./describe-file-type";
import { readZipDirectory, type ZipEntry } from "./read-zip-directory";
import { readZipEntry } from "./read-zip-entry";
import type { SniffedDocumentType } from "./types";

export const PDF_MIME_TYPE = "application/pdf";
export const DOCX_MIME_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const TEXT_MIME_TYPE = "text/plain";

const WORD_MAIN_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const WORD_TEMPLATE_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
const WORD_PART = "/word/document.xml";
/** `[Content_Types].xml` is a few KB; anything bigger is not a Word package we want to parse. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
/** pdf.js (like Acrobat) accepts a PDF header anywhere in the first KB. */
const PDF_HEADER_WINDOW = 1024;

/**
 * Text-based formats that would pass the plain-text check but whose markup would pollute the
 * analysis. file-type only reports these from unambiguous signatures (`{\rtf`, `<?xml `, `%!PS`).
 */
const MARKUP_FORMATS = new Set(["rtf", "xml", "svg", "html", "ps", "eps"]);

/**
 * Web pages and XML decode as text, but they are not contracts in a format we read: their markup
 * would be analysed as prose. file-type misses them when a doctype or whitespace comes first.
 */
function describeMarkupText(text: string): { description: string; ext: string } | null {
  const head = text.slice(0, 512).trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body)\b/.test(head))
    return { description: "an HTML page", ext: "html" };
  if (/^<\?xml\b/.test(head) || /^<svg\b/.test(head))
    return { description: "an XML file", ext: "xml" };
  return null;
}

function unsupported(lookalike: string | undefined, detected?: string): AppError {
  const looks = lookalike ? `This looks like ${lookalike}. ` : "";
  return new AppError(
    "unsupported_type",
    `${looks}This file type is not supported: upload a PDF, DOCX, plain text or Markdown file.`,
    detected ? { detected } : undefined,
  );
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PDF_HEADER_WINDOW));
  return head.includes("%PDF-");
}

async function detectBinaryType(bytes: Uint8Array): Promise<FileTypeResult | undefined> {
  try {
    return await fileTypeFromBuffer(bytes);
  } catch {
    // file-type throws on some malformed containers; "unknown" is the honest answer then.
    return undefined;
  }
}

function readAttribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Content type of the main document part per OPC: an Override wins over the extension Default. */
function findPartContentType(contentTypesXml: string, partName: string): string | undefined {
  let byExtension: string | undefined;
  for (const [tag] of contentTypesXml.matchAll(/<(?:\w+:)?(?:Override|Default)\b[^>]*>/g)) {
    const contentType = readAttribute(tag, "ContentType");
    const part = readAttribute(tag, "PartName");
    // OPC part names compare case-insensitively.
    if (part?.toLowerCase() === partName) return contentType;
    if (readAttribute(tag, "Extension")?.toLowerCase() === "xml") byExtension = contentType;
  }
  return byExtension;
}

function macroEnabled(): DocumentError {
  return new DocumentError(
    "macro_enabled",
    "This Word document contains macros (.docm). Macro-enabled documents are not accepted: save it as a regular Word Document (.docx) and upload it again.",
  );
}

function sniffZip(bytes: Uint8Array, detected: FileTypeResult | undefined): SniffedDocumentType {
  const lookalike = detected ? describeFileType(detected) : "a ZIP archive";
  const entries = readZipDirectory(bytes);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.toLowerCase(), e]));
  const documentPart = byName.get(WORD_PART.slice(1));
  const contentTypesPart = byName.get("[content_types].xml");
  if (!documentPart || !contentTypesPart) throw unsupported(lookalike, detected?.ext ?? "zip");

  const contentTypesBytes = readZipEntry(bytes, contentTypesPart, MAX_CONTENT_TYPES_BYTES);
  if (!contentTypesBytes) {
    throw new DocumentError(
      "decompression_bomb",
      "This file expands to far more data than a real document. It was rejected to protect the service.",
    );
  }
  const contentType = findPartContentType(new TextDecoder().decode(contentTypesBytes), WORD_PART);
  if (contentType?.toLowerCase().includes("macroenabled")) throw macroEnabled();
  if (contentType === WORD_TEMPLATE_CONTENT_TYPE) {
    throw unsupported("a Word template (.dotx); save it as a Word Document (.docx)", "dotx");
  }
  if (contentType !== WORD_MAIN_CONTENT_TYPE) throw unsupported(lookalike, detected?.ext ?? "zip");
  // A .docx content type with a VBA project inside is a renamed .docm.
  if (byName.has("word/vbaproject.bin")) throw macroEnabled();
  return { kind: "docx", mimeType: DOCX_MIME_TYPE };
}

/**
 * Decides what a file is from its bytes alone (the filename and the browser's Content-Type are
 * user-controlled and often wrong). Throws DocumentError for files we recognise but refuse
 * (empty, macro-enabled, damaged archives) and AppError("unsupported_type") for everything else.
 */
export async function sniffDocumentType(bytes: Uint8Array): Promise<SniffedDocumentType> {
  if (bytes.byteLength === 0) {
    throw new DocumentError(
      "empty",
      "The file is empty (0 bytes). Check that it saved correctly, then upload it again.",
    );
  }

  const detected = await detectBinaryType(bytes);
  if (detected?.mime === PDF_MIME_TYPE || detected?.ext === "ai") {
    // Illustrator files are PDFs underneath; pdf.js reads them like any other.
    return { kind: "pdf", mimeType: PDF_MIME_TYPE };
  }
  // Local file header or empty-archive record: the bytes are a ZIP whatever file-type concluded.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return sniffZip(bytes, detected);
  }
  if (detected && MARKUP_FORMATS.has(detected.ext)) {
    throw unsupported(describeFileType(detected), detected.ext);
  }

  const decoded = decodeText(bytes);
  // Text wins over other file-type guesses: short signatures such as "BM" (BMP) or "ID3" (MP3)
  // also begin ordinary sentences, and real binaries fail the text check anyway.
  if (decoded.ok) {
    const markup = describeMarkupText(decoded.text);
    if (markup) throw unsupported(markup.description, markup.ext);
    return { kind: "text", mimeType: TEXT_MIME_TYPE };
  }
  if (!detected && hasPdfHeader(bytes)) return { kind: "pdf", mimeType: PDF_MIME_TYPE };
  if (detected) throw unsupported(describeFileType(detected), detected.ext);
  if (decoded.reason === "not_utf8") {
    throw unsupported(
      "a text file that is not UTF-8 encoded; save it with UTF-8 encoding and upload it again",
      "text",
    );
  }
  throw unsupported(undefined);
}
