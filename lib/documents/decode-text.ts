export type DecodedText =
  | { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" }
  | { ok: false; reason: "binary" | "not_utf8" };

/**
 * Anything above this share of control characters is a binary file that happens to decode,
 * not a text file with a stray form feed or escape code in it.
 */
const MAX_CONTROL_CHAR_RATIO = 0.01;

function detectEncoding(bytes: Uint8Array): {
  encoding: "utf-8" | "utf-16le" | "utf-16be";
  bomLength: number;
} {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", bomLength: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  return { encoding: "utf-8", bomLength: 0 };
}

/** C0 controls except tab/LF/VT/FF/CR, DEL, and C1 controls. NUL is handled separately. */
function isDisallowedControl(code: number): boolean {
  if (code < 0x20)
    return code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d;
  return code >= 0x7f && code <= 0x9f;
}

/** Legacy single-byte text (Windows-1252, Latin-1) is mostly ASCII with no NULs. */
function looksLikeLegacyText(bytes: Uint8Array): boolean {
  let printable = 0;
  for (const byte of bytes) {
    if (byte === 0) return false;
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) printable++;
  }
  return printable / bytes.byteLength > 0.95;
}

/**
 * Decodes bytes as a plain-text document: UTF-8 (BOM optional) or UTF-16 with a BOM. Rejects
 * anything containing NUL or more than a sliver of control characters, which is how binary files
 * betray themselves even when they happen to be valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, bomLength } = detectEncoding(bytes);
  let text: string;
  try {
    // ignoreBOM: we strip the BOM ourselves, so a second U+FEFF is kept as content.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(bomLength),
    );
  } catch {
    const legacy = encoding === "utf-8" && looksLikeLegacyText(bytes);
    return { ok: false, reason: legacy ? "not_utf8" : "binary" };
  }

  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return { ok: false, reason: "binary" };
    if (isDisallowedControl(code)) controls++;
  }
  if (text.length > 0 && controls / text.length > MAX_CONTROL_CHAR_RATIO) {
    return { ok: false, reason: "binary" };
  }
  return { ok: true, text, encoding };
}
