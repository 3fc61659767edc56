/**
 * Generators of sample and hostile documents for ingestion tests. Everything is built in memory
 * from first principles (hand-written PDF objects, hand-written ZIP records) so each file is
 * exactly as broken as the test intends, and integration tests can reuse them.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { crc32, createDeflate, createDeflateRaw, deflateRawSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import JSZip from "jszip";

// ---------------------------------------------------------------------------------------------
// Real contracts (CUAD sample shared next to the repo)
// ---------------------------------------------------------------------------------------------

export const CONTRACTS_DIR = path.resolve(process.cwd(), "../shared/contracts");
export const CONTRACT_PDF_DIR = path.join(CONTRACTS_DIR, "pdf");

export function readContractPdf(filename: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(CONTRACT_PDF_DIR, filename)));
}

/** The largest contract PDF by bytes: the worst case the sample set offers. */
export function largestContractPdf(): { filename: string; bytes: number } {
  const [largest] = fs
    .readdirSync(CONTRACT_PDF_DIR)
    .map((filename) => ({
      filename,
      bytes: fs.statSync(path.join(CONTRACT_PDF_DIR, filename)).size,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  if (!largest) throw new Error(`no PDFs in ${CONTRACT_PDF_DIR}`);
  return largest;
}

/** `pdf_file` → `pages` from labels.csv. */
export function readContractPageLabels(): Map<string, number> {
  // RFC 4180: labels.csv has quoted fields with commas, quotes and newlines.
  const [header, ...rows]: string[][] = parse(
    fs.readFileSync(path.join(CONTRACTS_DIR, "labels.csv"), "utf8"),
  );
  if (!header) throw new Error("labels.csv is empty");
  const fileColumn = header.indexOf("pdf_file");
  const pagesColumn = header.indexOf("pages");
  const labels = new Map<string, number>();
  for (const row of rows) {
    const file = row[fileColumn];
    const pages = Number(row[pagesColumn]);
    if (file && Number.isInteger(pages)) labels.set(file, pages);
  }
  return labels;
}

// ---------------------------------------------------------------------------------------------
// PDF
// ---------------------------------------------------------------------------------------------

const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "latin1"));
const fromLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex").toUpperCase();

/**
 * Serialises numbered objects (object n is `objects[n - 1]`, a latin1 string) into a PDF with a
 * correct cross-reference table: every offset is the byte position of "n 0 obj".
 */
export function buildPdf(objects: string[], trailerExtra = ""): Uint8Array {
  // The binary comment line marks the file as binary, as the spec recommends.
  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\n`;
  out += `startxref\n${xrefOffset}\n%%EOF\n`;
  return latin1(out);
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

/** A content stream drawing each line of `text` in Helvetica; an empty stream for no text. */
function pageContent(text: string | undefined): string {
  if (!text) return "";
  const lines = text
    .split("\n")
    .map((line) => `(${escapePdfString(line)}) Tj T*`)
    .join("\n");
  return `BT\n/F1 12 Tf\n14 TL\n72 720 Td\n${lines}\nET`;
}

function streamObject(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

export type MinimalPdfOptions = {
  /** Number of real pages in the page tree. */
  pages?: number;
  /** Text per page (ASCII; "\n" starts a new line). A string applies to every page; omit for none. */
  text?: string | string[];
  /**
   * What the page tree's /Count claims; defaults to the real number of pages. pdf.js notices
   * when the claimed last page does not exist and recounts, so a lie here yields the real count.
   */
  declaredPageCount?: number;
};

function pageText(text: MinimalPdfOptions["text"], index: number): string | undefined {
  return Array.isArray(text) ? text[index] : text;
}

/**
 * A hand-built PDF: catalog (1), page tree (2), Helvetica (3), then a page and its content stream
 * per page. With no `text`, every content stream is empty, which is what a page without a text
 * layer looks like to an extractor.
 */
export function makeMinimalPdf(options: MinimalPdfOptions = {}): Uint8Array {
  const pages = options.pages ?? 1;
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", FONT_OBJECT];
  const kids: string[] = [];
  for (let i = 0; i < pages; i++) {
    const pageNumber = objects.length + 1;
    kids.push(`${pageNumber} 0 R`);
    objects.push(pageObject(pageNumber + 1));
    objects.push(streamObject(pageContent(pageText(options.text, i))));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${options.declaredPageCount ?? pages} >>`;
  return buildPdf(objects);
}

const FONT_OBJECT =
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

function pageObject(contentsObject: number): string {
  return `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentsObject} 0 R >>`;
}

/**
 * A PDF whose page tree really holds `count` pages: a root over intermediate nodes of up to 1,000
 * bare pages each (no content), ~45 bytes per page. A root /Count that merely lies is not enough:
 * pdf.js probes the last page on load and, if it is missing, recounts the tree — see
 * `makeMinimalPdf({ declaredPageCount })` for that case.
 */
export function makePdfDeclaringPages(count: number): Uint8Array {
  const fanOut = 1000;
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const nodes: string[] = [];
  for (let first = 0; first < count; first += fanOut) {
    const nodeNumber = objects.length + 1;
    const size = Math.min(fanOut, count - first);
    objects.push("");
    const kids: string[] = [];
    for (let i = 0; i < size; i++) {
      kids.push(`${objects.length + 1} 0 R`);
      objects.push(`<< /Type /Page /Parent ${nodeNumber} 0 R >>`);
    }
    objects[nodeNumber - 1] =
      `<< /Type /Pages /Parent 2 0 R /Kids [${kids.join(" ")}] /Count ${size} >>`;
    nodes.push(`${nodeNumber} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${nodes.join(" ")}] /Count ${count} /MediaBox [0 0 612 792] >>`;
  return buildPdf(objects);
}

/** The first `fraction` of a file, as an interrupted upload or download leaves it. */
export function truncateBytes(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.byteLength * fraction));
}

// --- Standard security handler, revision 2 (40-bit RC4), PDF 1.7 §7.6.3 ----------------------

const PASSWORD_PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

/** RC4 by hand: OpenSSL 3 only ships it in the legacy provider. */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let n = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}

function md5(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash("md5");
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

function padPassword(password: string): Uint8Array {
  const padded = new Uint8Array(32);
  const bytes = latin1(password).subarray(0, 32);
  padded.set(bytes);
  padded.set(PASSWORD_PADDING.subarray(0, 32 - bytes.length), bytes.length);
  return padded;
}

export type EncryptedPdfOptions = { userPassword?: string; ownerPassword?: string; text?: string };

/**
 * A genuinely encrypted one-page PDF (Standard handler, V1/R2, RC4-40) with a non-empty user
 * password: readers must ask for the password, and pdf.js raises PasswordException. Opening it
 * with `userPassword` reveals `text`, which proves the encryption is real, not just a dictionary.
 */
export function makeEncryptedPdf(options: EncryptedPdfOptions = {}): Uint8Array {
  const userPassword = options.userPassword ?? "secret";
  const ownerPassword = options.ownerPassword ?? "owner-secret";
  const text = options.text ?? "Confidential agreement between Acme and Globex.";
  const permissions = -44; // print + copy denied bits left as readers expect; any value works
  const fileId = md5(latin1("clauseflow-encrypted-fixture"));

  const ownerKey = md5(padPassword(ownerPassword)).subarray(0, 5);
  const ownerEntry = rc4(ownerKey, padPassword(userPassword));
  const permissionBytes = new Uint8Array(4);
  new DataView(permissionBytes.buffer).setInt32(0, permissions, true);
  const fileKey = md5(padPassword(userPassword), ownerEntry, permissionBytes, fileId).subarray(
    0,
    5,
  );
  const userEntry = rc4(fileKey, PASSWORD_PADDING);

  const contentObject = 5;
  const objectKey = md5(fileKey, Uint8Array.from([contentObject, 0, 0, 0, 0])).subarray(0, 10);
  const encryptedContent = fromLatin1(rc4(objectKey, latin1(pageContent(text))));

  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT_OBJECT,
    pageObject(contentObject),
    streamObject(encryptedContent),
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(ownerEntry)}> /U <${hex(userEntry)}> /P ${permissions} >>`,
  ];
  return buildPdf(objects, `/Encrypt 6 0 R /ID [<${hex(fileId)}> <${hex(fileId)}>] `);
}

/** PNG signature + IHDR: real PNG magic, whatever the upload's name says. */
export function makePngBytes(): Uint8Array {
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
  ]);
}

// ---------------------------------------------------------------------------------------------
// DOCX and ZIP
// ---------------------------------------------------------------------------------------------

export const WORD_MAIN_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
export const WORD_MACRO_CONTENT_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function contentTypesXml(mainContentType: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="${mainContentType}"/>
</Types>`;
}

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function documentXml(paragraphs: string[]): string {
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

function appXml(pages: number): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Pages>${pages}</Pages><Application>Microsoft Office Word</Application></Properties>`;
}

export type DocxOptions = {
  /** Written to docProps/app.xml as `<Pages>`, as Word does on save. */
  declaredPages?: number;
  /** Main part content type; pass WORD_MACRO_CONTENT_TYPE for a .docm. */
  mainContentType?: string;
  /** Adds word/vbaProject.bin (a VBA project) while keeping the .docx content type. */
  withVbaProject?: boolean;
};

/** A minimal valid WordprocessingML package: one `<w:p>` per paragraph (empty strings allowed). */
export async function makeDocx(
  paragraphs: string[],
  options: DocxOptions = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    contentTypesXml(options.mainContentType ?? WORD_MAIN_CONTENT_TYPE),
  );
  zip.file("_rels/.rels", PACKAGE_RELS);
  zip.file("word/document.xml", documentXml(paragraphs));
  if (options.declaredPages !== undefined)
    zip.file("docProps/app.xml", appXml(options.declaredPages));
  if (options.withVbaProject) {
    zip.file(
      "word/vbaProject.bin",
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    );
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A .docm: macro-enabled main part content type plus a VBA project. */
export function makeMacroEnabledDocx(paragraphs: string[] = ["Enable content to continue."]) {
  return makeDocx(paragraphs, { mainContentType: WORD_MACRO_CONTENT_TYPE, withVbaProject: true });
}

/** Any ZIP, e.g. an archive of text files or images that is not a Word document. */
export async function makeZip(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

export type RawZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: 0 | 8;
  /** The bytes as they sit in the archive. */
  data: Uint8Array;
  crc32: number;
  /** The uncompressed size written to the headers; a lie if the test wants one. */
  declaredSize: number;
};

/** Writes local headers, data, central directory and end record by hand, without validation. */
export function writeZip(entries: RawZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.data.byteLength, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.byteLength, 26);
    chunks.push(local, name, entry.data);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0x21, 14);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(entry.data.byteLength, 20);
    header.writeUInt32LE(entry.declaredSize, 24);
    header.writeUInt16LE(name.byteLength, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.byteLength + name.byteLength + entry.data.byteLength;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/** A deflated entry whose headers tell the truth. */
export function deflatedEntry(name: string, content: string | Uint8Array): RawZipEntry {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return {
    name,
    method: 8,
    data: new Uint8Array(deflateRawSync(bytes)),
    crc32: crc32(bytes),
    declaredSize: bytes.byteLength,
  };
}

/**
 * Deflates `size` bytes of spaces without ever holding them: the same 1 MB chunk is fed to a
 * streaming deflater repeatedly. Returns the compressed stream and its CRC.
 */
async function deflateRepeatedSpaces(size: number): Promise<{ data: Uint8Array; crc32: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflate.on("data", (part: Buffer) => output.push(part));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  let crc = 0;
  for (let written = 0; written < size; written += chunk.byteLength) {
    const part = chunk.subarray(0, Math.min(chunk.byteLength, size - written));
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await finished;
  return { data: new Uint8Array(Buffer.concat(output)), crc32: crc };
}

export type ZipBombOptions = {
  /** Real uncompressed size of word/document.xml. */
  size?: number;
  /**
   * What the headers claim. Defaults to the truth (caught by the ratio check); a tiny value
   * models a bomb that hides its size (caught while inflating); a huge one, a bomb that is
   * honest about being enormous (caught by the total-size check without inflating anything).
   */
  declaredSize?: number;
};

/**
 * A DOCX-shaped ZIP bomb: valid Word content types, and a word/document.xml that is megabytes of
 * spaces compressed ~1000:1. Sniffing says "docx"; only the bomb guard stands before mammoth.
 */
export async function makeZipBomb(options: ZipBombOptions = {}): Promise<Uint8Array> {
  const size = options.size ?? 32 * 1024 * 1024;
  const payload = await deflateRepeatedSpaces(size);
  return writeZip([
    deflatedEntry("[Content_Types].xml", contentTypesXml(WORD_MAIN_CONTENT_TYPE)),
    deflatedEntry("_rels/.rels", PACKAGE_RELS),
    {
      name: "word/document.xml",
      method: 8,
      data: payload.data,
      crc32: payload.crc32,
      declaredSize: options.declaredSize ?? size,
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Resource bombs: small files that cost a reader far more than their size
// ---------------------------------------------------------------------------------------------

/**
 * zlib-deflates `size` bytes made of `unit` repeated, without ever holding them: the same ~1 MB
 * block is fed to a streaming deflater again and again (FlateDecode in a PDF is zlib format).
 */
async function deflateRepeated(unit: string, size: number): Promise<Uint8Array> {
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((1024 * 1024) / unit.length))));
  const deflate = createDeflate({ level: 9 });
  const output: Buffer[] = [];
  deflate.on("data", (part: Buffer) => output.push(part));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  for (let written = 0; written < size; written += block.byteLength) {
    const part = block.subarray(0, Math.min(block.byteLength, size - written));
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await finished;
  return new Uint8Array(Buffer.concat(output));
}

/** A one-page PDF whose content stream is `prologue` + `unit` repeated to `size` bytes, deflated. */
async function makePdfWithDeflatedContent(
  prologue: string,
  unit: string,
  size: number,
): Promise<Uint8Array> {
  const body = await deflateRepeated(unit, size);
  const head = await deflateRepeated(prologue, prologue.length);
  // Two content streams (PDF allows an array): a short prologue, then the repeated body.
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT_OBJECT,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents [5 0 R 6 0 R] >>",
    `<< /Length ${head.byteLength} /Filter /FlateDecode >>\nstream\n${fromLatin1(head)}\nendstream`,
    `<< /Length ${body.byteLength} /Filter /FlateDecode >>\nstream\n${fromLatin1(body)}\nendstream`,
  ];
  return buildPdf(objects);
}

/**
 * The "inflation bomb": one page whose content stream is ~1 MB compressed and `inflatedBytes`
 * (default 400 MB) of text-showing operators once inflated. On a reader that checks the text
 * limit only after a whole page, this costs minutes and gigabytes. With `visible: false` every
 * line is drawn below the page, where pdf.js parses it but keeps no text: no text limit ever
 * trips, only a deadline or a memory cap stops it.
 */
export function makeInflatedContentPdf(
  options: { inflatedBytes?: number; visible?: boolean } = {},
): Promise<Uint8Array> {
  const line = "(The Licensee shall pay the Licensor the fees set out in Schedule A.) Tj";
  return makePdfWithDeflatedContent(
    "BT\n/F1 12 Tf\n14 TL\n72 720 Td\n",
    options.visible === false ? `${line} T*\n` : `1 0 0 1 72 400 Tm ${line}\n`,
    options.inflatedBytes ?? 400 * 1024 * 1024,
  );
}

/**
 * A page with millions of text operators, each showing one character somewhere else on the page,
 * so no two merge into one text item: little text, but millions of items for the extractor.
 */
export function makeManyTextOperatorsPdf(operators = 3_000_000): Promise<Uint8Array> {
  const unit = "1 0 0 1 72 700 Tm (a) Tj 1 0 0 1 300 100 Tm (b) Tj\n";
  return makePdfWithDeflatedContent("BT\n/F1 12 Tf\n", unit, (operators / 4) * unit.length);
}

/**
 * Arrays or dictionaries nested `depth` deep (100,000 by default) where the reader must parse
 * them: in the page dictionary (read when the page is opened) and as a content-stream operand.
 */
export function makeDeeplyNestedPdf(
  options: { depth?: number; kind?: "array" | "dict" } = {},
): Uint8Array {
  const depth = options.depth ?? 100_000;
  const nested =
    options.kind === "dict"
      ? `${"<< /A ".repeat(depth)}1${" >>".repeat(depth)}`
      : `${"[".repeat(depth)}1${"]".repeat(depth)}`;
  const content = `BT /F1 12 Tf 72 720 Td (Agreement) Tj ET\n${nested} pop\n`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    FONT_OBJECT,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R /Nested ${nested} >>`,
    streamObject(content),
  ];
  return buildPdf(objects);
}

/**
 * A DOCX whose document.xml is small compressed but pathological to parse into a DOM:
 * - `runs`: `count` paragraphs of one tiny run each (millions of XML elements, varied letters so
 *   the ratio stays under the ZIP bomb guard's 100:1);
 * - `nesting`: elements nested `count` deep;
 * - `entities`: an internal DTD doing "billion laughs" entity expansion.
 */
export async function makePathologicalDocx(
  kind: "runs" | "nesting" | "entities",
  count = kind === "runs" ? 2_000_000 : 100_000,
): Promise<Uint8Array> {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  let xml: string;
  if (kind === "runs") {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      parts.push(`<w:p><w:r><w:t>${(i * 7919).toString(36)}</w:t></w:r></w:p>`);
    }
    xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${parts.join("")}</w:body></w:document>`;
  } else if (kind === "nesting") {
    xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body><w:p><w:r><w:t>Agreement</w:t></w:r></w:p>${"<w:sdt><w:sdtContent>".repeat(count)}<w:p><w:r><w:t>deep</w:t></w:r></w:p>${"</w:sdtContent></w:sdt>".repeat(count)}</w:body></w:document>`;
  } else {
    const levels = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`,
    ).join("");
    xml = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY l0 "lol">${levels}]><w:document ${ns}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
  }
  return writeZip([
    deflatedEntry("[Content_Types].xml", contentTypesXml(WORD_MAIN_CONTENT_TYPE)),
    deflatedEntry("_rels/.rels", PACKAGE_RELS),
    deflatedEntry("word/document.xml", xml),
  ]);
}
