import { encodeExtended } from "content-disposition";

const MAX_FILENAME_LENGTH = 150;
/** Longer "extensions" are just a dot in a long name, not something worth preserving. */
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = "document";

/**
 * Invisible direction controls let `invoice\u202Efdp.exe` display as "invoiceexe.pdf".
 * U+200E/F marks, U+202A–E embeddings/overrides, U+2066–9 isolates, U+061C Arabic letter mark.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** C0/C1 controls (NUL included), lone surrogates and the BOM. */
const INVISIBLE_JUNK = /[\p{Cc}\p{Cs}\uFEFF]/gu;
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Grapheme clusters, so truncation never splits an emoji or an accented letter. */
function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function trimDotsAndSpaces(text: string): string {
  return text.replace(/^[\s.]+|[\s.]+$/gu, "");
}

function truncateKeepingExtension(name: string): string {
  const chars = graphemes(name);
  if (chars.length <= MAX_FILENAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot) : "";
  const extensionChars = graphemes(extension);
  if (extensionChars.length === 0 || extensionChars.length > MAX_EXTENSION_LENGTH) {
    return trimDotsAndSpaces(chars.slice(0, MAX_FILENAME_LENGTH).join(""));
  }
  const stemChars = graphemes(name.slice(0, dot));
  const stem = trimDotsAndSpaces(
    stemChars.slice(0, MAX_FILENAME_LENGTH - extensionChars.length).join(""),
  );
  return `${stem}${extension}`;
}

/**
 * Cleans a user-supplied filename for display and Content-Disposition. Never use the result as a
 * filesystem path: it is only guaranteed to be harmless text, not a safe path.
 */
export function sanitizeFilename(name: string): string {
  const basename = name.split(/[/\\]/).pop() ?? "";
  const cleaned = basename
    // Whitespace controls (tab, newline) separate words; turn them into spaces before the
    // control-character strip would glue the words together.
    .replace(/[\t\n\v\f\r]/g, " ")
    .replace(INVISIBLE_JUNK, "")
    .replace(BIDI_CONTROLS, "")
    .replace(/\s+/gu, " ");
  const result = truncateKeepingExtension(trimDotsAndSpaces(cleaned));
  return result.length > 0 ? result : FALLBACK_NAME;
}

/** Plain ASCII for old clients: accents dropped (é → e), anything else non-ASCII becomes "_". */
function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7E]+/g, "_")
    .replace(/["\\]/g, "")
    .trim();
  return ascii.length > 0 ? ascii : FALLBACK_NAME;
}

/**
 * `Content-Disposition: attachment` value with both an ASCII `filename` and the exact UTF-8
 * `filename*` (RFC 6266 / RFC 8187). Sanitizes again, so CR/LF can never reach a header.
 * The `filename*` encoding is content-disposition's; the layout is ours: its `create()` leaves
 * `filename*` out for ASCII names and backslash-escapes quotes where we drop them, and clients
 * (and tests/integration/memo-exports.test.ts) get both parameters on every download.
 */
export function contentDispositionAttachment(filename: string): string {
  const name = sanitizeFilename(filename);
  return `attachment; filename="${asciiFallback(name)}"; filename*=${encodeExtended(name)}`;
}
